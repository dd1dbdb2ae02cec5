import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What appending events in commit order costs writers (benchmarks/README.md, "Event feed"): the
 * transaction of a deal's price change as the server runs it (update the deal, append its two
 * events with the deal's representation, notify), on the migrated schema, with and without the
 * feed's lock (OutboxMapper.xml), at several numbers of concurrent writers, in alternating rounds.
 * Each writer changes its own deals, so only the feed's lock can make writers wait for each other.
 * Run with {@code benchmarks/feed-lock.sh [seconds per measurement, default 10] [synchronous_commit: on|off]}.
 */
public class FeedLockBench {

    static final int DEALS = 10_000;
    static final String PAYLOAD = "{\"id\":%d,\"external_ref\":\"D-%d\",\"hotel\":{\"id\":1,\"name\":\"Harbour View\","
            + "\"city\":\"Toronto\",\"country\":\"Canada\",\"star_rating\":4},\"room_type\":\"Deluxe\","
            + "\"price_per_night\":%s,\"original_price\":199.99,\"discount_percent\":%d,\"checkin_date\":\"2027-12-01\","
            + "\"checkout_date\":\"2027-12-04\",\"nights\":3,\"is_available\":true,\"categories\":[\"beach\",\"family\"],"
            + "\"version\":%d,\"created_at\":\"2026-11-20T09:00:00Z\",\"updated_at\":\"2026-11-27T10:00:00Z\"}";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        // zonky's embedded PostgreSQL commits asynchronously by default; a production server waits for the WAL flush.
        String synchronousCommit = args.length > 1 ? args[1] : "on";
        Path work = Path.of("benchmarks/target/feed-lock");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).setServerConfig("synchronous_commit", synchronousCommit).start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            Process migrate = new ProcessBuilder("java", "-jar", "bootstrap/target/deals.jar", "migrate", "--db-url", jdbc)
                    .inheritIO().start();
            if (migrate.waitFor() != 0) {
                throw new IllegalStateException("migrate failed");
            }
            try (Connection sql = DriverManager.getConnection(jdbc); Statement s = sql.createStatement()) {
                s.execute("INSERT INTO hotels (name, city, country, phone, star_rating, created_at, updated_at)"
                        + " VALUES ('Harbour View', 'Toronto', 'Canada', '+14165550100', 4, now(), now())");
                s.execute("INSERT INTO deals (external_ref, hotel_id, room_type, price_per_night, original_price,"
                        + " discount_percent, checkin_date, checkout_date, is_available, created_at, updated_at)"
                        + " SELECT 'D-' || i, 1, 'Deluxe', 129.99, 199.99, 35, '2027-12-01', '2027-12-04', true, now(), now()"
                        + " FROM generate_series(1, " + DEALS + ") i");
            }
            System.out.println("synchronous_commit = " + synchronousCommit);
            System.out.println("| writers | with the lock: tx/s | p99 ms | without: tx/s | p99 ms | throughput kept |");
            System.out.println("|---|---|---|---|---|---|");
            for (int writers : new int[] {1, 4, 16, 32}) {
                double[] with = new double[2];
                double[] without = new double[2];
                for (int round = 0; round < 2; round++) {
                    accumulate(with, run(jdbc, writers, true, seconds));
                    accumulate(without, run(jdbc, writers, false, seconds));
                }
                System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.0f | %.2f | %.0f %% |%n", writers, with[0] / 2,
                        with[1] / 2, without[0] / 2, without[1] / 2, 100 * with[0] / without[0]);
            }
        }
    }

    static void accumulate(double[] total, double[] one) {
        total[0] += one[0];
        total[1] += one[1];
    }

    /** Returns {transactions per second, p99 milliseconds}. */
    static double[] run(String jdbc, int writers, boolean lock, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            long[] own = new long[2_000_000];
            latencies.add(own);
            Thread thread = new Thread(() -> write(jdbc, writer, writers, lock, running, done, own));
            threads.add(thread);
            thread.start();
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l).filter(x -> x > 0)).sorted().toArray();
        return new double[] {done.get() / elapsed, all[(int) (all.length * 0.99)] / 1e6};
    }

    static void write(String jdbc, int writer, int writers, boolean lock, AtomicBoolean running, AtomicLong done,
                      long[] latencies) {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            PreparedStatement update = c.prepareStatement("UPDATE deals SET price_per_night = ?, discount_percent = ?,"
                    + " version = version + 1, updated_at = now() WHERE id = ? RETURNING version");
            PreparedStatement feedLock = c.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(7242002)");
            PreparedStatement append = c.prepareStatement("INSERT INTO outbox_events (aggregate_type, aggregate_id,"
                    + " event_type, payload, occurred_at) VALUES ('deal', ?, 'deals.deal.updated', ?::json, now()),"
                    + " ('deal', ?, 'deals.deal.price_changed', ?::json, now())");
            PreparedStatement signal = c.prepareStatement("SELECT 1 FROM pg_notify('deals_events', '')");
            int n = 0;
            for (long i = writer; running.get(); i += writers) {
                long started = System.nanoTime();
                long id = 1 + i % DEALS;
                String price = (i % 2 == 0) ? "99.99" : "129.99";
                int discount = (i % 2 == 0) ? 50 : 35;
                update.setBigDecimal(1, new java.math.BigDecimal(price));
                update.setInt(2, discount);
                update.setLong(3, id);
                long version;
                try (var rs = update.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
                if (lock) {
                    feedLock.executeQuery().close();
                }
                String data = String.format(Locale.ROOT, PAYLOAD, id, id, price, discount, version);
                append.setLong(1, id);
                append.setString(2, data);
                append.setLong(3, id);
                append.setString(4, data);
                append.executeUpdate();
                signal.executeQuery().close();
                c.commit();
                done.incrementAndGet();
                if (n < latencies.length) {
                    latencies[n++] = System.nanoTime() - started;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
