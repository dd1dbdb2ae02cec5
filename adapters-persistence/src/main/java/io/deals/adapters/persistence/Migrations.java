package io.deals.adapters.persistence;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings a database's schema up to date with {@code db/migration}. */
public final class Migrations {

    private Migrations() {
    }

    /** Applies the pending migrations and returns how many ran. */
    public static int apply(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
