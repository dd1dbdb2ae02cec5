package io.deals.bootstrap;

import io.deals.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The use cases as an embedding program has them, over the test database, emptied before each test. */
public abstract class EmbeddedDealsTestBase {

    protected static Deals deals;

    @BeforeAll
    static void embed() {
        if (deals == null) {
            deals = Deals.embed(TestDatabase.dataSource(), Deals.Schema.MIGRATE);
        }
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }
}
