package io.deals.bootstrap;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.imports.ImportRejectedException;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.bootstrap.imports.DealsCsv;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The imports a server's process runs through the embedding facade (the demo catalogue's, say)
 * count in the server's figures like those of {@code POST /imports}.
 */
class ServerMetricsIT {

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void imports_through_the_facade_of_a_server_count_their_rows_by_outcome() {
        DealsCsv file = DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA).prices("-5", "199.99", ""));
        try (ServerMetrics metrics = ServerMetrics.start();
             Deals deals = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS, metrics)) {
            deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(file.bytes()),
                    ImportMode.LENIENT));
            deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(file.bytes()),
                    ImportMode.LENIENT));
            assertThatThrownBy(() -> deals.importDeals().importDeals(new ImportDealsCommand(
                    new ByteArrayInputStream(file.bytes()), ImportMode.STRICT)))
                    .isInstanceOf(ImportRejectedException.class);

            MeterRegistry registry = metrics.registry();
            assertThat(rows(registry, "created")).isEqualTo(1);
            assertThat(rows(registry, "updated")).isZero();
            assertThat(rows(registry, "unchanged")).isEqualTo(1);
            assertThat(rows(registry, "rejected")).isEqualTo(3);
        }
    }

    private static double rows(MeterRegistry registry, String outcome) {
        return registry.get("deals.import.rows").tag("outcome", outcome).counter().count();
    }
}
