package io.deals.bootstrap;

import io.deals.application.imports.port.in.ImportReport;
import io.deals.application.imports.port.out.ImportMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code deals_import_rows_total{outcome}}: the rows of every import, by what became of them. */
final class ImportMetrics implements ImportMonitor {

    private final Counter created;
    private final Counter updated;
    private final Counter unchanged;
    private final Counter rejected;

    ImportMetrics(MeterRegistry registry) {
        created = rows(registry, "created");
        updated = rows(registry, "updated");
        unchanged = rows(registry, "unchanged");
        rejected = rows(registry, "rejected");
    }

    @Override
    public void finished(ImportReport report) {
        created.increment(report.dealsCreated());
        updated.increment(report.dealsUpdated());
        unchanged.increment(report.dealsUnchanged());
        rejected.increment(report.rejected());
    }

    /** Registered up front, so that each outcome shows 0 before the first import rather than nothing. */
    private static Counter rows(MeterRegistry registry, String outcome) {
        return Counter.builder("deals.import.rows")
                .description("rows of imported deals files, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
