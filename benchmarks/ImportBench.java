import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.bootstrap.ServerSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The import benchmark of benchmarks/README.md: one embedded PostgreSQL, and side by side, in
 * alternating rounds, psql's {@code \copy} of a deals file into a plain 15-column text table (the
 * floor: moving the bytes and nothing else) against
 * <ul>
 *   <li>the command line, {@code java -Xmx256m -jar deals.jar import FILE}, 1,000,000 rows into an
 *       empty database (JVM start included), and</li>
 *   <li>{@code POST /imports} of 50,000 rows to a running server (started once, warmed up).</li>
 * </ul>
 * Every round starts from empty tables. Prints each run and the medians.
 * Run with {@code benchmarks/import.sh [rounds]}.
 */
public class ImportBench {

    /** The server's token secret (DEALS_JWT_SECRET), so that the benchmark makes its own write token. */
    static final byte[] SECRET = ServerSecret.random();
    static final String TOKEN = new TokenMinter(TokenSettings.sharedSecret(SECRET)).mint(TokenGrant.FIRST_START);

    static final String TABLES = "outbox_events, deal_price_history, deal_categories, deals, categories, hotels,"
            + " idempotency_keys";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Path.of("benchmarks/target/import");
        Files.createDirectories(work);
        Path jar = work.resolve("deals.jar");
        Files.copy(Path.of("bootstrap/target/deals.jar"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path big = demoFile(jar, work, 1_000_000);
        Path small = demoFile(jar, work, 50_000);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).setServerConfig("max_wal_size", "4GB").start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            String psqlUrl = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
            try (Connection sql = DriverManager.getConnection(jdbc)) {
                run(List.of("java", "-jar", jar.toString(), "migrate", "--db-url", jdbc), null);
                exec(sql, "CREATE TABLE copy_floor (deal_id text, hotel_name text, hotel_city text, hotel_country text,"
                        + " hotel_phone text, hotel_star_rating text, room_type text, price_per_night text,"
                        + " original_price text, discount_percent text, checkin_date text, checkout_date text,"
                        + " is_available text, categories text, created_at text)");

                List<Double> copyBig = new ArrayList<>();
                List<Double> cli = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    copyBig.add(copy(sql, psqlUrl, big));
                    empty(sql);
                    cli.add(seconds(() -> run(List.of("/usr/bin/time", "-f", "max RSS %M KiB", "java", "-Xmx256m",
                            "-jar", jar.toString(), "import", big.toString(), "--db-url", jdbc), "rows rejected")));
                    System.out.printf(Locale.ROOT, "round %d: \\copy 1M %.2f s, CLI import 1M %.2f s%n", round,
                            copyBig.get(round - 1), cli.get(round - 1));
                }
                report("1,000,000 rows, CLI (-Xmx256m) vs \\copy", cli, copyBig, 3);

                empty(sql);
                ProcessBuilder serve = new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--db-url", jdbc,
                        "--port", "18085").redirectOutput(work.resolve("server.log").toFile()).redirectErrorStream(true);
                serve.environment().put("DEALS_JWT_SECRET", Base64.getEncoder().encodeToString(SECRET));
                Process server = serve.start();
                try {
                    HttpClient http = HttpClient.newHttpClient();
                    awaitHealthy(http);
                    for (int warm = 0; warm < 3; warm++) {
                        post(http, small);
                        empty(sql);
                    }
                    List<Double> copySmall = new ArrayList<>();
                    List<Double> posted = new ArrayList<>();
                    for (int round = 1; round <= rounds + 2; round++) {
                        copySmall.add(copy(sql, psqlUrl, small));
                        empty(sql);
                        posted.add(seconds(() -> post(http, small)));
                        System.out.printf(Locale.ROOT, "round %d: \\copy 50k %.3f s, POST /imports 50k %.3f s%n", round,
                                copySmall.get(round - 1), posted.get(round - 1));
                    }
                    report("50,000 rows, POST /imports vs \\copy", posted, copySmall, 4);
                } finally {
                    server.destroy();
                    server.waitFor();
                }
            }
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

    static Path demoFile(Path jar, Path work, int rows) throws Exception {
        Path file = work.resolve("deals-" + rows + ".csv");
        if (!Files.exists(file)) {
            run(List.of("java", "-jar", jar.toString(), "generate-demo-data", "--rows", Integer.toString(rows),
                    "--output", file.toString()), null);
        }
        return file;
    }

    /** psql's \copy into the plain text table, emptied after. */
    static double copy(Connection sql, String psqlUrl, Path file) throws Exception {
        exec(sql, "TRUNCATE copy_floor");
        double took = seconds(() -> run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", psqlUrl, "-c",
                "\\copy copy_floor FROM '" + file.toAbsolutePath() + "' WITH (FORMAT csv, HEADER true)"), null));
        exec(sql, "TRUNCATE copy_floor");
        return took;
    }

    static void post(HttpClient http, Path file) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:18085/imports"))
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
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:18085/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start; see benchmarks/target/import/server.log");
    }

    static void empty(Connection sql) throws SQLException {
        exec(sql, "TRUNCATE " + TABLES + " RESTART IDENTITY");
        exec(sql, "VACUUM ANALYZE");
    }

    static void exec(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }

    /** Runs a command; with {@code expect}, prints the output lines that contain it or the RSS. */
    static void run(List<String> command, String expect) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor(30, java.util.concurrent.TimeUnit.MINUTES) && process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        if (expect != null) {
            output.lines().filter(l -> l.contains(expect) || l.startsWith("max RSS")).forEach(l -> System.out.println("  " + l));
        }
    }

    static void report(String what, List<Double> measured, List<Double> floor, double target) {
        double m = median(measured);
        double f = median(floor);
        System.out.printf(Locale.ROOT, "%s: median %.3f s against %.3f s = %.2f× (target ≤ %.0f×: %s)%n", what, m, f,
                m / f, target, m / f <= target ? "met" : "missed");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
