package io.deals.bootstrap.imports;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.application.shared.StorageUnavailableException;
import io.deals.bootstrap.EmbeddedDealsTestBase;
import io.deals.bootstrap.imports.DealsCsv.Hotel;
import io.deals.domain.deal.DealDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The database connection of an import dies while the file is still being copied into staging:
 * the import fails as "storage unavailable", every table is exactly as it was, and the next
 * import runs normally (no lock, no staging table, no broken connection left behind).
 */
class ImportKilledMidwayIT extends EmbeddedDealsTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String KILL_THE_COPY = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE query ILIKE 'COPY import_rows%' AND state = 'active' AND pid <> pg_backend_pid()";

    private final ExecutorService importer = Executors.newSingleThreadExecutor(r -> new Thread(r, "killed-import"));

    @AfterEach
    void stopImporter() throws InterruptedException {
        importer.shutdownNow();
        assertThat(importer.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void an_import_whose_connection_is_killed_during_the_copy_leaves_every_table_as_it_was() throws Exception {
        seed();
        Map<String, List<String>> before = StoredRows.snapshot();
        PausingDealsFile file = new PausingDealsFile(20_000, 5_000);

        Future<ImportReport> running = importer.submit(() -> deals.importDeals().importDeals(
                new ImportDealsCommand(file, ImportMode.LENIENT)));
        if (!file.paused.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            fail("the import never read 5,000 rows: " + (running.isDone() ? outcome(running) : "still running"));
        }
        int killed = killTheCopy(running);
        file.resume.countDown();

        Throwable failure = failureOf(running);
        assertThat(killed).isEqualTo(1);
        assertThat(file.rowsServed()).as("rows served before the import gave up").isGreaterThan(5_000);
        assertThat(failure).as("what the caller got").isInstanceOf(StorageUnavailableException.class);
        assertThat(StoredRows.snapshot()).isEqualTo(before);

        Future<ImportReport> next = importer.submit(() -> deals.importDeals().importDeals(new ImportDealsCommand(
                new ByteArrayInputStream(DealsCsv.file().add(row("D-1", HARBOUR).set(DealFileColumns.ROOM_TYPE, "Suite"),
                        row("N-1", CANAL)).bytes()), ImportMode.STRICT)));
        ImportReport report = next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(List.of(report.dealsCreated(), report.dealsUpdated(), report.hotelsCreated(), report.rejected()))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(StoredRows.count("deals")).isEqualTo(5);
        assertThat(StoredRows.strings("SELECT phone FROM hotels ORDER BY phone"))
                .containsExactly(HARBOUR.phone(), CANAL.phone(), RIVIERA.phone());
        assertThat(StoredRows.version("D-1")).isEqualTo(2);
    }

    /** Two hotels and three deals from a file, one deal created through the API. */
    private static void seed() {
        deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(DealsCsv.file()
                .add(row("D-1", HARBOUR), row("D-2", RIVIERA), row("D-3", RIVIERA)).bytes()), ImportMode.STRICT));
        long hotelId = StoredRows.number("SELECT hotel_id FROM deals WHERE external_ref = 'D-1'");
        deals.createDeal().create(new CreateDealCommand(new DealDraft(hotelId, "Twin", new BigDecimal("90.00"),
                new BigDecimal("100.00"), null, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 2), true,
                List.of("city break"), "API-1")));
        assertThat(StoredRows.counts()).doesNotContainValue(0L);
    }

    /** Terminates the backend running the import's COPY, polling until it shows up; how many were terminated. */
    private static int killTheCopy(Future<?> running) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                int terminated = 0;
                try (ResultSet result = statement.executeQuery(KILL_THE_COPY)) {
                    while (result.next()) {
                        terminated += result.getBoolean(1) ? 1 : 0;
                    }
                }
                if (terminated > 0) {
                    return terminated;
                }
                if (running.isDone()) {
                    fail("the import ended before its COPY could be killed: " + outcome(running));
                }
                Thread.sleep(20);
            }
        }
        return fail("no COPY into import_rows showed up in pg_stat_activity");
    }

    private static Throwable failureOf(Future<ImportReport> running) throws InterruptedException {
        try {
            ImportReport report = running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return fail("the import succeeded although its connection was killed: " + report);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("the import neither failed nor finished within " + PATIENCE);
        }
    }

    private static String outcome(Future<?> done) {
        try {
            return "returned " + done.get();
        } catch (ExecutionException e) {
            return "failed with " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * A deals file generated as it is read (never held whole): a header, a row updating D-1, then
     * new deals across three hotels, one of them new. Before serving row {@code pauseBefore} it
     * signals {@link #paused} and waits for {@link #resume}, then serves the rest.
     */
    private static final class PausingDealsFile extends InputStream {

        private static final Hotel NEW_HOTEL = new Hotel("Lagoon Lodge", "Venice", "Italy", "+39041000001", 4);
        private static final List<Hotel> HOTELS = List.of(HARBOUR, RIVIERA, NEW_HOTEL);

        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        private final int rows;
        private final int pauseBefore;
        private volatile int served;
        private byte[] line = (String.join(",", DealFileColumns.ALL) + "\n").getBytes(StandardCharsets.UTF_8);
        private int position;

        PausingDealsFile(int rows, int pauseBefore) {
            this.rows = rows;
            this.pauseBefore = pauseBefore;
        }

        int rowsServed() {
            return served;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == line.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean nextLine() throws IOException {
            if (served == rows) {
                return false;
            }
            if (served == pauseBefore) {
                paused.countDown();
                try {
                    if (!resume.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IOException("the test never resumed the file");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while paused", e);
                }
            }
            DealsCsv.Row next = served == 0 ? row("D-1", HARBOUR).set(DealFileColumns.ROOM_TYPE, "Penthouse")
                    : row(String.format("K-%06d", served), HOTELS.get(served % HOTELS.size()))
                            .set(DealFileColumns.CATEGORIES, "generated,beach");
            line = (next.csv(DealFileColumns.ALL) + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            served++;
            return true;
        }
    }
}
