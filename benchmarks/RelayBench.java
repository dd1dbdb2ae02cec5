import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.bootstrap.ServerSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The relay benchmark of benchmarks/README.md, against a real Kafka broker (started by relay.sh) and
 * one embedded PostgreSQL:
 * <ul>
 *   <li>(a) throughput: 50,000 demo rows imported (about 50,150 events) while no relay runs, then the
 *       relay started; timed from its lease until its position reaches the head, every event
 *       acknowledged by the broker. Cold: the server is started on the backlog (its relay's first lease
 *       is when its row appears in event_relays). Warm: a running server whose relay the benchmark keeps
 *       standing by (it ends the relay's lease connection
 *       and holds the lease itself), then lets go.</li>
 *   <li>(b) latency: the same import posted to a running server whose relay is idle; from the import's
 *       commit (PostgreSQL's commit timestamp) until the relay stored the head as published (the broker
 *       acknowledged the last event), and until a consumer polling the topic received it.</li>
 * </ul>
 * Run with {@code benchmarks/relay.sh [rounds]}.
 */
public class RelayBench {

    /** The server's token secret (DEALS_JWT_SECRET), so that the benchmark makes its own write token. */
    static final byte[] SECRET = ServerSecret.random();
    static final String TOKEN = new TokenMinter(TokenSettings.sharedSecret(SECRET)).mint(TokenGrant.FIRST_START);

    static final String TOPIC = "deals.events";
    static final String CATALOGUE = "outbox_events, deal_price_history, deal_categories, deals, categories, hotels,"
            + " idempotency_keys";
    static final int PORT = 18086;
    /** The advisory lock of relay 'kafka' (see PostgresRelayLeases): 7242003 and the name's hash. */
    static final String LEASE_KEY = "7242003, " + ("kafka".hashCode() & Integer.MAX_VALUE);

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String kafka = args[1];
        Path work = Path.of("benchmarks/target/relay");
        Files.createDirectories(work);
        Path jar = work.resolve("deals.jar");
        Files.copy(Path.of("bootstrap/target/deals.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Path file = work.resolve("deals-50000.csv");
        if (!Files.exists(file)) {
            run(List.of("java", "-jar", jar.toString(), "generate-demo-data", "--rows", "50000", "--output", file.toString()));
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).setServerConfig("max_wal_size", "4GB")
                .setServerConfig("track_commit_timestamp", "on").start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            run(List.of("java", "-jar", jar.toString(), "migrate", "--db-url", jdbc));
            try (Connection sql = DriverManager.getConnection(jdbc)) {
                List<Double> cold = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    exec(sql, "TRUNCATE " + CATALOGUE + ", event_relays RESTART IDENTITY");
                    run(List.of("java", "-jar", jar.toString(), "import", file.toString(), "--db-url", jdbc));
                    long head = number(sql, "SELECT max(seq) FROM outbox_events");
                    Process server = serve(jar, jdbc, kafka, work.resolve("server-cold-" + round + ".log"));
                    try {
                        long started = System.nanoTime();
                        awaitTrue(sql, "SELECT count(*) FROM event_relays", Duration.ofMinutes(2));
                        long leading = System.nanoTime();
                        awaitTrue(sql, "SELECT count(*) FROM event_relays WHERE position >= " + head, Duration.ofMinutes(5));
                        long done = System.nanoTime();
                        double seconds = (done - leading) / 1e9;
                        cold.add(head / seconds);
                        System.out.printf(Locale.ROOT, "(a) cold, round %d: %,d events relayed in %.2f s = %,.0f events/s"
                                + " (%.2f s from the server's start)%n", round, head, seconds, head / seconds,
                                (done - started) / 1e9);
                    } finally {
                        stop(server);
                    }
                }

                exec(sql, "TRUNCATE " + CATALOGUE + ", event_relays RESTART IDENTITY");
                Process server = serve(jar, jdbc, kafka, work.resolve("server.log"));
                List<Double> warm = new ArrayList<>();
                List<Double> acknowledged = new ArrayList<>();
                List<Double> consumed = new ArrayList<>();
                try (TopicWatch watch = new TopicWatch(kafka); Connection lease = DriverManager.getConnection(jdbc)) {
                    HttpClient http = HttpClient.newHttpClient();
                    awaitHealthy(http);
                    for (int round = 0; round <= rounds; round++) {
                        // Stop the relay: its lease's connection dies, this one takes the lease, the relay stands by.
                        exec(sql, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                                + " AND objsubid = 2 AND granted");
                        exec(lease, "SELECT pg_advisory_lock(" + LEASE_KEY + ")");
                        // Not restarting the ids: the relay keeps its position, the new events come after it.
                        exec(sql, "TRUNCATE " + CATALOGUE);
                        post(http, file);
                        long from = number(sql, "SELECT position FROM event_relays");
                        long head = number(sql, "SELECT max(seq) FROM outbox_events");
                        exec(lease, "SELECT pg_advisory_unlock(" + LEASE_KEY + ")");
                        awaitTrue(sql, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted",
                                Duration.ofMinutes(1));
                        long leading = System.nanoTime();
                        awaitTrue(sql, "SELECT count(*) FROM event_relays WHERE position >= " + head, Duration.ofMinutes(5));
                        double seconds = (System.nanoTime() - leading) / 1e9;
                        System.out.printf(Locale.ROOT, "(a) warm%s: %,d events relayed in %.2f s = %,.0f events/s%n",
                                round == 0 ? ", warm-up" : ", round " + round, head - from, seconds, (head - from) / seconds);
                        if (round > 0) {
                            warm.add((head - from) / seconds);
                        }
                    }
                    for (int round = 0; round <= rounds; round++) {
                        exec(sql, "TRUNCATE " + CATALOGUE);
                        double importSeconds = seconds(() -> post(http, file));
                        long head = number(sql, "SELECT max(seq) FROM outbox_events");
                        Instant commit = instant(sql, "SELECT pg_xact_commit_timestamp(xmin) FROM outbox_events WHERE seq = " + head);
                        awaitTrue(sql, "SELECT count(*) FROM event_relays WHERE position >= " + head, Duration.ofMinutes(5));
                        Instant stored = instant(sql, "SELECT updated_at FROM event_relays");
                        Instant received = watch.awaitSeq(head, Duration.ofMinutes(1));
                        double ack = Duration.between(commit, stored).toNanos() / 1e9;
                        double read = Duration.between(commit, received).toNanos() / 1e9;
                        System.out.printf(Locale.ROOT, "(b)%s: POST /imports %.2f s; its last event (seq %,d)"
                                + " acknowledged %.3f s and consumed %.3f s after the commit%n",
                                round == 0 ? " warm-up" : " round " + round, importSeconds, head, ack, read);
                        if (round > 0) {
                            acknowledged.add(ack);
                            consumed.add(read);
                        }
                    }
                } finally {
                    stop(server);
                }
                System.out.printf(Locale.ROOT, "(a) relayed from a backlog of ~50,150 events: median %,.0f events/s by a"
                        + " running server, %,.0f events/s by a server just started (target >= 20,000: %s)%n",
                        median(warm), median(cold), median(warm) >= 20_000 ? "met" : "missed");
                System.out.printf(Locale.ROOT, "(b) commit of a 50,000-row import to its last event: median %.3f s"
                        + " acknowledged, %.3f s consumed%n", median(acknowledged), median(consumed));
            }
        }
    }

    /** Records when each event (by seq) reached a consumer that polls every partition of the topic. */
    static final class TopicWatch implements AutoCloseable {

        private final Map<Long, Instant> arrivals = new ConcurrentHashMap<>();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Thread poller;

        TopicWatch(String kafka) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), new StringDeserializer(), new StringDeserializer());
            poller = new Thread(() -> {
                try (consumer) {
                    List<TopicPartition> partitions = List.of();
                    while (partitions.isEmpty() && open.get()) {
                        partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
                    }
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    while (open.get()) {
                        consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                            String value = record.value();
                            int start = value.indexOf("\"seq\":") + 6;
                            arrivals.putIfAbsent(Long.parseLong(value.substring(start, value.indexOf(',', start))),
                                    Instant.now());
                        });
                    }
                }
            }, "topic-watch");
            poller.start();
        }

        Instant awaitSeq(long seq, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!arrivals.containsKey(seq)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("event " + seq + " never reached the consumer");
                }
                Thread.sleep(5);
            }
            return arrivals.get(seq);
        }

        @Override
        public void close() throws InterruptedException {
            open.set(false);
            poller.join();
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static double seconds(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    static Process serve(Path jar, String jdbc, String kafka, Path log) throws IOException {
        ProcessBuilder serve = new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--db-url", jdbc, "--port",
                Integer.toString(PORT), "--kafka-bootstrap", kafka).redirectOutput(log.toFile()).redirectErrorStream(true);
        serve.environment().put("DEALS_JWT_SECRET", Base64.getEncoder().encodeToString(SECRET));
        return serve.start();
    }

    static void stop(Process server) throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    static void post(HttpClient http, Path file) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
    }

    static void awaitHealthy(HttpClient http) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + PORT + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"role\":\"leader\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start leading; see benchmarks/target/relay/server-b.log");
    }

    /** Polls {@code countQuery} every 10 ms until it counts something. */
    static void awaitTrue(Connection sql, String countQuery, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (number(sql, countQuery) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + patience + ": " + countQuery);
            }
            Thread.sleep(10);
        }
    }

    static long number(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet row = s.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    static Instant instant(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet row = s.executeQuery(query)) {
            row.next();
            return row.getTimestamp(1).toInstant();
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

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
