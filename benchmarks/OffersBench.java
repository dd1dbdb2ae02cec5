import io.deals.adapters.messaging.KafkaOfferPublisher;
import io.deals.application.imports.DealFileRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offers benchmark of benchmarks/README.md, against a real Kafka broker (started by offers.sh),
 * one embedded PostgreSQL and the server jar as its own process with {@code --ingest-offers}:
 * <ul>
 *   <li>(a) throughput: N new-deal offers published to deals.offers while the consumer is held (the
 *       benchmark locks offer_positions, so the consumer's first batch waits on its position), then
 *       let go; timed from then until offer_positions has moved past the last of them. Then N offers
 *       updating those deals (other prices) the same way. Every round is checked with
 *       deals_offers_total: all N applied, none unchanged or dead-lettered.</li>
 *   <li>(b) latency, once the relay has published (a)'s events and a checkpoint has written (a)'s
 *       pages: offers updating those deals at 1,000/s for 60 s, each with a price of its own,
 *       rising; every tenth is followed by readers polling GET /deals/{id} (the id found once by the
 *       deal's external_ref, which is the offer's deal_id) until it shows that price (or a later
 *       offer's).</li>
 * </ul>
 * With "profile", the server also records JFR, logs each merge step and PostgreSQL keeps
 * pg_stat_statements; the benchmark then says where the time of the offers of (a) went, and which
 * statements the batches of (b) ran.
 * Run with {@code benchmarks/offers.sh [rounds] [offers] [profile]}.
 */
public class OffersBench {

    static final int PORT = 18087;
    static final String TOPIC = "deals.offers";
    static final int HOTELS = 150;
    static final List<String> CATEGORIES = List.of("beach", "family", "city", "spa", "ski", "romantic", "business",
            "golf", "wellness", "nature", "budget", "luxury", "pets", "diving", "culture", "food", "wine", "kids",
            "adults-only", "eco");
    static final List<String> ROOMS = List.of("Single", "Double", "Suite", "Deluxe");
    static final int LATENCY_RATE = 1_000;
    static final int LATENCY_SECONDS = 60;
    /** Every how many offers of (b) one is followed through GET: enough samples without the reads swamping the server. */
    static final int SAMPLE_EVERY = 10;
    static final int READERS = 2;
    /** The shortest pass of a reader over its outstanding samples: the latency figures' resolution. */
    static final Duration READ_PASS = Duration.ofMillis(10);
    static final Pattern PRICE = Pattern.compile("\"price_per_night\":([0-9.]+)");
    static final Pattern STEP = Pattern.compile("import (.+): (\\d+) ms");

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int offers = Integer.parseInt(args[1]);
        String kafka = args[2];
        boolean profile = args.length > 3 && args[3].equals("profile");
        Path work = Path.of("benchmarks/target/offers");
        Files.createDirectories(work);
        Path jar = work.resolve("deals.jar");
        Files.copy(Path.of("bootstrap/target/deals.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        emptyTopics(kafka);
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());

        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).setServerConfig("max_wal_size", "4GB");
        if (profile) {
            database.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres postgres = database.start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            run(List.of("java", "-jar", jar.toString(), "migrate", "--db-url", jdbc));
            Cpu cpu = new Cpu(work.resolve("pg/postmaster.pid"), Path.of(System.getenv("KAFKA_WORK"), "kafka.pid"));
            Path log = work.resolve("server.log");
            Process server = serve(jar, jdbc, kafka, work, log, profile);
            cpu.server = server.toHandle();
            List<Phase> created = new ArrayList<>();
            List<Phase> updated = new ArrayList<>();
            Latency latency;
            try (Connection sql = DriverManager.getConnection(jdbc);
                 KafkaOfferPublisher publisher = KafkaOfferPublisher.open(kafka, Duration.ofSeconds(15))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                awaitIngesting(http, log);
                Ingestion ingestion = new Ingestion(sql, jdbc, publisher, http, cpu);
                ingestion.round(0, Math.max(1, offers / 10));
                if (profile) {
                    exec(sql, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    exec(sql, "SELECT pg_stat_statements_reset()");
                }
                long logFrom = Files.size(log);
                for (int round = 1; round <= rounds; round++) {
                    List<Phase> both = ingestion.round(round, offers);
                    created.add(both.get(0));
                    updated.add(both.get(1));
                }
                long logTo = Files.size(log);
                if (profile) {
                    List<Phase> all = new ArrayList<>(created);
                    all.addAll(updated);
                    statements(sql, "(a)'s measured rounds", all.stream().mapToLong(Phase::offers).sum());
                    steps(log, logFrom, logTo, all);
                    exec(sql, "SELECT pg_stat_statements_reset()");
                }
                settle(sql);
                latency = latency(sql, publisher, http, rounds, offers);
                if (profile) {
                    statements(sql, "(b)", latency.published());
                }
            } finally {
                stop(server);
            }
            if (profile) {
                List<Phase> all = new ArrayList<>(created);
                all.addAll(updated);
                flight(work.resolve("server.jfr"), all);
            }
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            table(created, updated, latency);
        }
    }

    /** One measured ingestion of a backlog. */
    record Phase(String name, int offers, double seconds, double firstSeconds, Instant from, Instant to,
                 Map<String, Double> cpuSeconds) {

        double rate() {
            return offers / seconds;
        }
    }

    /** Publishes backlogs of offers and times the server's consumer through them. */
    static final class Ingestion {

        private final Connection sql;
        private final String jdbc;
        private final KafkaOfferPublisher publisher;
        private final HttpClient http;
        private final Cpu cpu;

        Ingestion(Connection sql, String jdbc, KafkaOfferPublisher publisher, HttpClient http, Cpu cpu) {
            this.sql = sql;
            this.jdbc = jdbc;
            this.publisher = publisher;
            this.http = http;
            this.cpu = cpu;
        }

        /** Round {@code round}: its deals created by offers, then updated by as many; round 0 is the warm-up. */
        List<Phase> round(int round, int offers) throws Exception {
            String label = round == 0 ? "warm-up" : "round " + round;
            Phase created = backlog("new deals, " + label, dealOffers(round, offers, false));
            Phase updated = backlog("updates, " + label, dealOffers(round, offers, true));
            return List.of(created, updated);
        }

        private Phase backlog(String name, List<DealFileRecord> offers) throws Exception {
            long from = positions();
            Map<String, Double> before = outcomes(http);
            long released;
            Instant start;
            try (Connection hold = DriverManager.getConnection(jdbc)) {
                // The consumer's next batch starts by moving its positions: it waits here, offers pile up.
                hold.setAutoCommit(false);
                exec(hold, "LOCK TABLE offer_positions IN EXCLUSIVE MODE");
                for (DealFileRecord offer : offers) {
                    publisher.send(offer);
                }
                KafkaOfferPublisher.Published published = publisher.flush();
                if (published.failed() > 0 || published.acknowledged() != published.sent()) {
                    throw new IllegalStateException("publishing failed: " + published);
                }
                Map<String, Duration> cpuBefore = cpu.sample();
                start = Instant.now();
                released = System.nanoTime();
                hold.commit();
                long target = from + offers.size();
                long first = 0;
                long deadline = released + TimeUnit.MINUTES.toNanos(10);
                while (true) {
                    long at = positions();
                    long now = System.nanoTime();
                    if (first == 0 && at > from) {
                        first = now;
                    }
                    if (at >= target) {
                        Map<String, Double> cpuSeconds = cpu.since(cpuBefore);
                        Phase phase = new Phase(name, offers.size(), (now - released) / 1e9, (first - released) / 1e9,
                                start, Instant.now(), cpuSeconds);
                        check(phase, before);
                        return phase;
                    }
                    if (now > deadline) {
                        throw new IllegalStateException(name + ": positions at " + at + " of " + target + " after 10 min");
                    }
                    Thread.sleep(5);
                }
            }
        }

        /** All applied, none unchanged or dead-lettered, by the server's own count (counted just after its commit). */
        private void check(Phase phase, Map<String, Double> before) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Map<String, Double> after = outcomes(http);
            while (after.get("applied") - before.get("applied") < phase.offers() && System.nanoTime() < deadline) {
                Thread.sleep(10);
                after = outcomes(http);
            }
            double applied = after.get("applied") - before.get("applied");
            double unchanged = after.get("unchanged") - before.get("unchanged");
            double dead = after.get("dead_lettered") - before.get("dead_lettered");
            System.out.printf(Locale.ROOT, "(a) %-22s %,9d offers applied in %6.2f s = %,7.0f offers/s"
                            + " (first batch committed after %.2f s; CPU s: %s)%n", phase.name() + ":", phase.offers(),
                    phase.seconds(), phase.rate(), phase.firstSeconds(), cpuText(phase.cpuSeconds()));
            if (applied != phase.offers() || unchanged != 0 || dead != 0) {
                throw new IllegalStateException(phase.name() + ": " + applied + " applied, " + unchanged + " unchanged, "
                        + dead + " dead-lettered of " + phase.offers());
            }
        }

        private long positions() throws SQLException {
            return number(sql, "SELECT coalesce(sum(next_offset), 0) FROM offer_positions WHERE topic = '" + TOPIC + "'");
        }
    }

    /** The offers of round {@code round}'s deals: new ones, or updates of them with another price. */
    static List<DealFileRecord> dealOffers(int round, int count, boolean update) {
        List<DealFileRecord> offers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            offers.add(offer(round, i, BigDecimal.valueOf(10_000 + i % 1_000 + (update ? 100 : 0), 2), "500.00"));
        }
        return offers;
    }

    /** Deal {@code i} of round {@code round} at {@code price}; its hotel, dates and categories stay the same. */
    static DealFileRecord offer(int round, int i, BigDecimal price, String originalPrice) {
        int hotel = i % HOTELS;
        LocalDate checkin = LocalDate.of(2027, 1, 1).plusDays(i % 300);
        return new DealFileRecord(i + 1L, true, dealId(round, i), "Bench Hotel " + hotel, "City " + hotel % 100,
                "Country " + hotel % 20, String.format(Locale.ROOT, "+1555%07d", hotel), Integer.toString(1 + hotel % 5),
                ROOMS.get(i % ROOMS.size()), price.toPlainString(), originalPrice, "",
                checkin.toString(), checkin.plusDays(1 + i % 7).toString(), "true",
                CATEGORIES.get(i % 20) + "," + CATEGORIES.get((i / 20 + 1 + i) % 20), "2026-11-20T10:00:00Z");
    }

    static String dealId(int round, int i) {
        return String.format(Locale.ROOT, "R%d-%07d", round, i);
    }

    /**
     * Lets the server finish what (a) left behind, so that (b) measures a steady 1,000 offers/s: the
     * relay still publishing (a)'s events (two or three per offer) and the dirty pages of its writes.
     */
    static void settle(Connection sql) throws Exception {
        long started = System.nanoTime();
        long head = number(sql, "SELECT coalesce(max(seq), 0) FROM outbox_events");
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (number(sql, "SELECT count(*) FROM event_relays WHERE position >= " + head) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not publish (a)'s events within 5 minutes");
            }
            Thread.sleep(50);
        }
        double relayed = (System.nanoTime() - started) / 1e9;
        exec(sql, "CHECKPOINT");
        System.out.printf(Locale.ROOT, "before (b): the relay published the last of (a)'s %,d events %.1f s after (a)"
                + " ended; checkpoint %.1f s%n", head, relayed, (System.nanoTime() - started) / 1e9 - relayed);
    }

    /** Publish-to-readable latencies in ms, and what the readers cost. */
    record Latency(List<Double> millis, int published, double publishSeconds, long reads, double readSeconds) {
    }

    /** An offer followed through GET: readable once the deal shows its price (or a later offer's, which is higher). */
    record Sample(long id, BigDecimal price, long publishedNanos) {
    }

    static Latency latency(Connection sql, KafkaOfferPublisher publisher, HttpClient http, int round, int deals)
            throws Exception {
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = sql.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT external_ref, id FROM deals WHERE external_ref LIKE 'R" + round + "-%'")) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getLong(2));
            }
        }
        List<ConcurrentLinkedQueue<Sample>> outstanding = new ArrayList<>();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong reads = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            ConcurrentLinkedQueue<Sample> mine = new ConcurrentLinkedQueue<>();
            outstanding.add(mine);
            Thread reader = new Thread(() -> read(http, mine, millis, reads), "reader-" + r);
            readers.add(reader);
        }
        int total = LATENCY_RATE * LATENCY_SECONDS;
        long started = System.nanoTime();
        readers.forEach(Thread::start);
        for (int k = 0; k < total; k++) {
            long due = started + k * 1_000_000_000L / LATENCY_RATE;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int deal = k % deals;
            BigDecimal price = BigDecimal.valueOf(20_000 + k, 2);
            long published = System.nanoTime();
            publisher.send(offer(round, deal, price, "1000.00"));
            if (k % SAMPLE_EVERY == 0) {
                outstanding.get(k / SAMPLE_EVERY % READERS).add(new Sample(ids.get(dealId(round, deal)), price, published));
            }
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        KafkaOfferPublisher.Published published = publisher.flush();
        if (published.failed() > 0) {
            throw new IllegalStateException("publishing failed: " + published);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (outstanding.stream().anyMatch(q -> !q.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double readSeconds = (System.nanoTime() - started) / 1e9;
        readers.forEach(Thread::interrupt);
        for (Thread reader : readers) {
            reader.join();
        }
        long unseen = outstanding.stream().mapToLong(ConcurrentLinkedQueue::size).sum();
        if (unseen > 0) {
            throw new IllegalStateException(unseen + " sampled offers never became readable within 2 minutes");
        }
        return new Latency(new ArrayList<>(millis), total, publishSeconds, reads.get(), readSeconds);
    }

    /** Polls each outstanding sample's deal, at most once per pass, until it shows the sample's price. */
    static void read(HttpClient http, ConcurrentLinkedQueue<Sample> outstanding, List<Double> millis, AtomicLong reads) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long pass = System.nanoTime();
                for (Sample sample : outstanding) {
                    String body = get(http, "/deals/" + sample.id());
                    long at = System.nanoTime();
                    reads.incrementAndGet();
                    Matcher price = PRICE.matcher(body);
                    // A later offer of the deal has a higher price: showing it, the deal has taken this one too.
                    if (price.find() && new BigDecimal(price.group(1)).compareTo(sample.price()) >= 0) {
                        millis.add((at - sample.publishedNanos()) / 1e6);
                        outstanding.remove(sample);
                    }
                }
                long rest = READ_PASS.toNanos() - (System.nanoTime() - pass);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            // done
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void table(List<Phase> created, List<Phase> updated, Latency latency) {
        List<Double> ms = latency.millis().stream().sorted().toList();
        double createdRate = median(created.stream().map(Phase::rate).toList());
        double updatedRate = median(updated.stream().map(Phase::rate).toList());
        double p99 = percentile(ms, 99);
        System.out.println();
        System.out.println("| measurement | rounds | median | target | |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| (a) new deals from a backlog of %,d offers | %s offers/s | **%,.0f offers/s** | >= 10,000 | %s |%n",
                created.get(0).offers(), rates(created), createdRate, createdRate >= 10_000 ? "met" : "missed");
        System.out.printf(Locale.ROOT, "| (a) updates (other prices) from a backlog of %,d offers | %s offers/s | **%,.0f offers/s** | >= 10,000 | %s |%n",
                updated.get(0).offers(), rates(updated), updatedRate, updatedRate >= 10_000 ? "met" : "missed");
        System.out.println();
        System.out.printf(Locale.ROOT, "(b) %,d offers published in %.1f s (%,.0f/s); %,d followed through GET /deals/{id}"
                        + " by %d readers (%,d reads, %,.0f reads/s):%n", latency.published(), latency.publishSeconds(),
                latency.published() / latency.publishSeconds(), ms.size(), READERS, latency.reads(),
                latency.reads() / latency.readSeconds());
        System.out.println();
        System.out.println("| publish to readable | p50 ms | p90 ms | p99 ms | max ms | target | |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| at %,d offers/s for %d s | %.0f | %.0f | **%.0f** | %.0f | p99 < 1,000 ms | %s |%n",
                LATENCY_RATE, LATENCY_SECONDS, percentile(ms, 50), percentile(ms, 90), p99, ms.get(ms.size() - 1),
                p99 < 1_000 ? "met" : "missed");
    }

    static String rates(List<Phase> phases) {
        return phases.stream().map(p -> String.format(Locale.ROOT, "%,.0f", p.rate())).collect(Collectors.joining(" / "));
    }

    // ---- where the time goes (profile) ----

    /** The statements PostgreSQL spent most time on since the last reset, per offer; a merge is one batch. */
    static void statements(Connection sql, String during, long offers) throws SQLException {
        long batches = number(sql, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE 'COPY import_rows%'");
        System.out.printf(Locale.ROOT, "%nPostgreSQL during %s (%,d offers in %,d batches), pg_stat_statements by total time:%n",
                during, offers, batches);
        System.out.println("| µs/offer | calls | ms/call | rows | statement |");
        System.out.println("|---|---|---|---|---|");
        try (Statement s = sql.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT total_exec_time, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) FROM pg_stat_statements"
                        + " ORDER BY total_exec_time DESC LIMIT 20")) {
            while (rows.next()) {
                System.out.printf(Locale.ROOT, "| %.1f | %,d | %.2f | %,d | `%s` |%n", rows.getDouble(1) * 1000 / offers,
                        rows.getLong(2), rows.getDouble(1) / rows.getLong(2), rows.getLong(3),
                        rows.getString(4).replace("|", "\\|"));
            }
        }
        System.out.printf(Locale.ROOT, "all statements: %.1f µs/offer%n", number(sql,
                "SELECT round(sum(total_exec_time) * 1000) FROM pg_stat_statements") / (double) offers);
    }

    /** The merge's own per-step times (CopyImportBatch's debug lines) over the measured rounds of (a), per offer. */
    static void steps(Path log, long from, long to, List<Phase> phases) throws IOException {
        long offers = phases.stream().mapToLong(Phase::offers).sum();
        double wallMillis = phases.stream().mapToDouble(Phase::seconds).sum() * 1000;
        Map<String, Long> millis = new TreeMap<>();
        Map<String, Long> counts = new HashMap<>();
        byte[] bytes = Files.readAllBytes(log);
        for (String line : new String(bytes, (int) from, (int) (to - from)).split("\n")) {
            Matcher step = STEP.matcher(line);
            if (line.contains("CopyImportBatch") && step.find()) {
                millis.merge(step.group(1), Long.parseLong(step.group(2)), Long::sum);
                counts.merge(step.group(1), 1L, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%nThe merge's steps during (a)'s measured rounds (%,d offers):%n", offers);
        System.out.println("| step | batches | total ms | µs/offer |");
        System.out.println("|---|---|---|---|");
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f |%n", e.getKey(), counts.get(e.getKey()),
                        e.getValue(), e.getValue() * 1000.0 / offers));
        long stepMillis = millis.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "all steps: %.1f µs/offer, of %.1f µs/offer of wall time; outside the steps"
                        + " (poll, reading the JSON, the rules, positions, commit): %.1f µs/offer%n",
                stepMillis * 1000.0 / offers, wallMillis * 1000 / offers, (wallMillis - stepMillis) * 1000 / offers);
    }

    /**
     * The consumer thread's JFR samples while running Java during (a)'s measured rounds
     * (jdk.ExecutionSample, every 10 ms in the profile settings), each attributed to the first frame
     * outside the JDK; then every thread's share of them: the consumer is not the server's only busy
     * thread. (Its time waiting for PostgreSQL is pg_stat_statements': JFR samples at most one thread in
     * native code per period, so its native samples undercount.)
     */
    static void flight(Path recording, List<Phase> phases) throws IOException {
        Map<String, Integer> java = new HashMap<>();
        Map<String, Integer> javaMethods = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        long offers = phases.stream().mapToLong(Phase::offers).sum();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") || event.getThread("sampledThread") == null
                        || event.getStackTrace() == null
                        || phases.stream().noneMatch(p -> !event.getStartTime().isBefore(p.from()) && !event.getStartTime().isAfter(p.to()))) {
                    continue;
                }
                String thread = event.getThread("sampledThread").getJavaName();
                threads.merge(thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
                if (!"deals-offers".equals(thread)) {
                    continue;
                }
                RecordedFrame frame = event.getStackTrace().getFrames().stream()
                        .filter(f -> !isJdk(f.getMethod().getType().getName())).findFirst().orElse(null);
                String owner = frame == null ? "JDK" : library(frame.getMethod().getType().getName());
                java.merge(owner, 1, Integer::sum);
                if (frame != null) {
                    javaMethods.merge(frame.getMethod().getType().getName() + "." + frame.getMethod().getName(), 1, Integer::sum);
                }
            }
        }
        double wall = phases.stream().mapToDouble(Phase::seconds).sum();
        System.out.printf(Locale.ROOT, "%nThe consumer thread (deals-offers) running Java in JFR during (a)'s measured"
                + " rounds: %.1f s of wall time, %,d offers:%n", wall, offers);
        System.out.println("| first frame outside the JDK | samples | ~ms | µs/offer |");
        System.out.println("|---|---|---|---|");
        java.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e ->
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f |%n", e.getKey(), e.getValue(),
                        e.getValue() * 10, e.getValue() * 10_000.0 / offers));
        System.out.printf(Locale.ROOT, "all: %.1f µs/offer%n",
                java.values().stream().mapToInt(Integer::intValue).sum() * 10_000.0 / offers);
        System.out.println();
        System.out.println("Every thread of the server running Java (jdk.ExecutionSample, numbers in names as N):");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey()));
        System.out.println();
        System.out.println("Hottest methods of deals-offers while running Java (first frame outside the JDK):");
        javaMethods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey()));
    }

    static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    static String library(String type) {
        for (String prefix : List.of("org.postgresql", "org.apache.kafka", "org.apache.ibatis", "com.fasterxml.jackson",
                "com.zaxxer.hikari", "ch.qos.logback", "org.slf4j")) {
            if (type.startsWith(prefix)) {
                return prefix;
            }
        }
        return type.startsWith("io.deals") ? type.substring(0, type.lastIndexOf('.')) : type;
    }

    // ---- processes ----

    /** CPU time of the server, PostgreSQL (the postmaster and its children), the broker and this JVM. */
    static final class Cpu {

        private final Path postmasterPid;
        private final Path brokerPid;
        ProcessHandle server;

        Cpu(Path postmasterPid, Path brokerPid) {
            this.postmasterPid = postmasterPid;
            this.brokerPid = brokerPid;
        }

        Map<String, Duration> sample() throws IOException {
            Map<String, Duration> cpu = new TreeMap<>();
            cpu.put("server", total(server));
            ProcessHandle postmaster = handle(postmasterPid);
            cpu.put("postgres", postmaster.descendants().map(Cpu::total).reduce(total(postmaster), Duration::plus));
            cpu.put("broker", total(handle(brokerPid)));
            cpu.put("bench", total(ProcessHandle.current()));
            return cpu;
        }

        Map<String, Double> since(Map<String, Duration> before) throws IOException {
            Map<String, Double> seconds = new TreeMap<>();
            sample().forEach((name, now) -> seconds.put(name, now.minus(before.get(name)).toMillis() / 1000.0));
            return seconds;
        }

        private static ProcessHandle handle(Path pidFile) throws IOException {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        }

        private static Duration total(ProcessHandle process) {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    static String cpuText(Map<String, Double> seconds) {
        return seconds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Deletes the topics a previous run left on the benchmark's own broker, so that the new database starts clean. */
    static void emptyTopics(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Set<String> ours = Set.of(TOPIC, "deals.offers.dlq", "deals.events");
            List<String> present = admin.listTopics().names().get().stream().filter(ours::contains).toList();
            admin.deleteTopics(present).all().get();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (admin.listTopics().names().get().stream().anyMatch(ours::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the old topics were not deleted within a minute");
                }
                Thread.sleep(100);
            }
        }
    }

    static Process serve(Path jar, String jdbc, String kafka, Path work, Path log, boolean profile) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        if (profile) {
            Path logback = work.resolve("logback-profile.xml");
            Files.writeString(logback, """
                    <configuration>
                      <include resource="io/deals/bootstrap/logback-text.xml"/>
                      <logger name="org.apache.kafka" level="WARN"/>
                      <logger name="io.deals.adapters.persistence.imports.CopyImportBatch" level="DEBUG"/>
                      <logger name="io.deals.bootstrap.OfferMetrics" level="DEBUG"/>
                      <root level="INFO"><appender-ref ref="console"/></root>
                    </configuration>
                    """);
            command.add("-XX:StartFlightRecording=filename=" + work.resolve("server.jfr") + ",settings=profile,dumponexit=true");
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--db-url", jdbc, "--port", Integer.toString(PORT),
                "--kafka-bootstrap", kafka, "--ingest-offers", "--rate-limit-read-per-minute", "0"));
        ProcessBuilder serve = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectErrorStream(true);
        serve.environment().put("DEALS_DATA_DIR", work.resolve("data").toString());
        return serve.start();
    }

    static void stop(Process server) throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    static void awaitIngesting(HttpClient http, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + PORT + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"offers\":{\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start ingesting; see " + log);
    }

    static String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** deals_offers_total by outcome, from /metrics. */
    static Map<String, Double> outcomes(HttpClient http) throws Exception {
        Map<String, Double> outcomes = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^deals_offers_total\\{[^}]*outcome=\"([a-z_]+)\"[^}]*} (\\S+)$")
                .matcher(get(http, "/metrics"));
        while (line.find()) {
            outcomes.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        if (!outcomes.keySet().containsAll(List.of("applied", "unchanged", "dead_lettered"))) {
            throw new IllegalStateException("/metrics has no deals_offers_total by outcome: " + outcomes);
        }
        return outcomes;
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static long number(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet row = s.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    static void exec(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor(30, TimeUnit.MINUTES) && process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
