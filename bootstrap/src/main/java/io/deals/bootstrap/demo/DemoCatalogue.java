package io.deals.bootstrap.demo;

import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.bootstrap.Deals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference demo data (50,000 deals, 150 hotels), loaded into a database that has no deals yet. */
public final class DemoCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);

    static final int ROWS = 50_000;
    static final int HOTELS = 150;
    static final long SEED = 42;

    private DemoCatalogue() {
    }

    /** Imports the demo data into a database without hotels or deals; one that has any is left alone. */
    public static void loadIfEmpty(Deals deals) {
        PageRequest first = new PageRequest(1, 0, null, false);
        if (!deals.deals().list(DealFilter.ALL, DealSort.DEFAULT, first).items().isEmpty()
                || !deals.hotels().list(HotelFilter.ALL, first).items().isEmpty()) {
            LOG.info("Demo data: the database already has hotels or deals, so none are added");
            return;
        }
        LOG.info("Demo data: importing {} deals across {} hotels", ROWS, HOTELS);
        long started = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("deals-demo-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoDeals(ROWS, HOTELS, SEED, 0).writeTo(out);
            }
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = deals.importDeals().importDeals(new ImportDealsCommand(in, ImportMode.STRICT,
                        progress -> LOG.info("Demo data: {} {} rows", progress.merging() ? "merging" : "read",
                                progress.rowsRead())));
            }
            LOG.info("Demo data: {} deals and {} hotels created in {} ms", report.dealsCreated(), report.hotelsCreated(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Demo data: cannot delete the temporary file {}", file);
        }
    }
}
