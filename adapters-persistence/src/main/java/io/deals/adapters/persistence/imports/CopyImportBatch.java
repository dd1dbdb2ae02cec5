package io.deals.adapters.persistence.imports;

import io.deals.application.imports.ImportPlan;
import io.deals.application.imports.port.out.DealImportBatch;
import io.deals.application.shared.port.out.Clock;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.deal.DuplicateExternalRefException;
import io.deals.domain.deal.ExternalRef;
import io.deals.domain.hotel.HotelDetails;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Streams valid rows into {@code import_rows} with COPY (text format), then merges them with
 * set-based statements. Nothing is buffered beyond COPY's own write buffer.
 */
final class CopyImportBatch implements DealImportBatch {

    private static final Logger LOG = LoggerFactory.getLogger(CopyImportBatch.class);

    private static final String COPY = "COPY import_rows (line, external_ref, hotel_name, hotel_city, hotel_country,"
            + " phone, star_rating, room_type, price_per_night, original_price, discount_percent, checkin_date,"
            + " checkout_date, is_available, categories, created_at) FROM STDIN";
    private static final int BUFFER_BYTES = 256 * 1024;

    /**
     * Creating this many deals, and at least a tenth of what the statistics know of, outgrows what
     * they may say (a sample costs ~0.1 s); a stream of smaller merges is left to autovacuum's analyze.
     */
    private static final long ANALYZE_AFTER_CREATING = 1_000;
    private static final long ANALYZE_AFTER_GROWING_BY = 10;

    private final PGCopyOutputStream copy;
    private final Writer out;
    private final DealImportMapper mapper;
    private final ImportEvents events;
    private final StringBuilder row = new StringBuilder(256);
    /** Set by {@link #plan}: the time of every change, and what the plan will do. */
    private Instant now;
    private ImportCounts planned;

    CopyImportBatch(PGConnection connection, DealImportMapper mapper, ImportEvents events) throws SQLException {
        this.copy = new PGCopyOutputStream(connection, COPY, BUFFER_BYTES);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER_BYTES);
        this.mapper = mapper;
        this.events = events;
    }

    @Override
    public void stage(long line, HotelDetails hotel, DealTerms terms, Instant createdAt) {
        row.setLength(0);
        row.append(line).append('\t');
        CopyText.append(row, terms.externalRef().value()).append('\t');
        CopyText.append(row, hotel.name()).append('\t');
        CopyText.append(row, hotel.city()).append('\t');
        CopyText.append(row, hotel.country()).append('\t');
        row.append(hotel.phone().value()).append('\t')
                .append(hotel.starRating().value()).append('\t');
        CopyText.append(row, terms.roomType()).append('\t');
        row.append(terms.pricePerNight().amount().toPlainString()).append('\t')
                .append(terms.originalPrice().amount().toPlainString()).append('\t')
                .append(terms.discount().value()).append('\t')
                .append(terms.stay().checkin()).append('\t')
                .append(terms.stay().checkout()).append('\t')
                .append(terms.available()).append('\t');
        categories(terms.categories().values()).append('\t');
        row.append(createdAt).append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into the staging table failed", e);
        }
    }

    @Override
    public ImportPlan plan(Clock clock, int maxErrors) {
        step("copy", () -> {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into the staging table failed", e);
            }
        });
        // Staging ran alongside other imports; merging does not.
        step("wait for other imports", mapper::waitForOtherImports);
        step("analyze staging", mapper::analyzeStaging);
        step("lock named deals", mapper::lockNamedDeals);
        // Only now: a writer of these deals that committed before has an earlier time than this.
        now = clock.now();
        step("find repeats", mapper::findRepeats);
        step("create hotels", () -> {
            mapper.createNewHotelsTable();
            mapper.createHotels(now);
            mapper.lockNamedHotels();
        });
        step("plan rows", () -> {
            mapper.planRows();
            mapper.analyzePlan();
            mapper.indexPlan();
        });
        planned = mapper.counts();
        return new ImportPlan(planned.created(), planned.updated(), planned.unchanged(), planned.hotelsCreated(),
                planned.rejected(), mapper.firstRefused(maxErrors));
    }

    @Override
    public void apply() {
        if (planned == null) {
            throw new IllegalStateException("apply() before plan()");
        }
        long created = step("insert deals", () -> mapper.insertDeals(now));
        if (created != planned.created()) {
            throw new DuplicateExternalRefException(new ExternalRef(mapper.firstTakenRef()));
        }
        step("update deals", () -> mapper.updateDeals(now));
        step("link categories", () -> {
            mapper.insertCategories();
            mapper.unlinkChangedCategories();
            mapper.linkCategories();
        });
        step("price periods", () -> {
            mapper.closePricePeriods(now);
            mapper.openPricePeriods(now);
        });
        if (outgrowsStatistics(planned.created())) {
            // The events read the new deals' views; statistics taken before this transaction (an
            // empty table's, say) know none of its rows, and planned a scan of the categories per deal.
            step("analyze written tables", mapper::analyzeWrittenTables);
        }
        step("events", () -> events.stage(now));
    }

    private boolean outgrowsStatistics(long created) {
        return created >= ANALYZE_AFTER_CREATING
                && created * ANALYZE_AFTER_GROWING_BY >= mapper.dealsInStatistics();
    }

    /** Runs one step of the merge, logging its time at debug level: where a slow import spends it. */
    private static <T> T step(String name, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        LOG.debug("import {}: {} ms", name, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    /** Abandons a COPY still running, so the transaction can roll back on this connection. */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // The connection is likely gone; the rollback that follows will say so.
            }
        }
    }

    /** An array literal; category names hold only letters, digits, spaces and hyphens, so quoting suffices. */
    private StringBuilder categories(List<String> names) {
        row.append('{');
        for (int i = 0; i < names.size(); i++) {
            row.append(i == 0 ? "\"" : ",\"").append(names.get(i)).append('"');
        }
        return row.append('}');
    }
}
