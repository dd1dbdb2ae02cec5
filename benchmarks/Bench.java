import io.deals.adapters.persistence.ConnectionPool;
import io.deals.adapters.persistence.DatabaseSettings;
import io.deals.adapters.persistence.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query-side benchmark: each request measured over HTTP with wrk against the same SQL run
 * directly over JDBC (the floor), at the same concurrency. Run it through benchmarks/run.sh.
 */
public class Bench {

    static final int DEALS = 1_000_000;
    static final int HOTELS = 2_000;
    static final int CONCURRENCY = 4;
    static final int PORT = 18180;
    static final String CITY = "City 42";

    /** The server's own SQL (DealMapper.xml), written out for the floor. */
    static final String VIEW_COLUMNS = """
            d.id, d.external_ref, h.id AS hotel_id, h.name AS hotel_name, h.city AS hotel_city,
            h.country AS hotel_country, h.star_rating AS hotel_star_rating, d.room_type, d.price_per_night,
            d.original_price, d.discount_percent, d.checkin_date, d.checkout_date,
            d.checkout_date - d.checkin_date AS nights, d.is_available,
            ARRAY(SELECT c.name FROM deal_categories dc JOIN categories c ON c.id = dc.category_id
                   WHERE dc.deal_id = d.id ORDER BY c.name) AS categories,
            d.version, d.created_at, d.updated_at""";
    static final String BY_ID = "SELECT " + VIEW_COLUMNS + " FROM deals d JOIN hotels h ON h.id = d.hotel_id WHERE d.id = ?";
    static final String PAGE = "WITH page AS (SELECT d.id FROM deals d %s WHERE TRUE %s"
            + " ORDER BY d.id ASC, d.id ASC LIMIT 21 OFFSET %d) SELECT " + VIEW_COLUMNS
            + " FROM page p JOIN deals d ON d.id = p.id JOIN hotels h ON h.id = d.hotel_id ORDER BY d.id ASC, d.id ASC";
    static final String COUNT = "SELECT count(*) FROM deals d %s WHERE TRUE %s";
    /** As the server does, hotels are joined to select deals only for a filter on the hotel. */
    static final String JOIN_HOTELS = "JOIN hotels h ON h.id = d.hotel_id";
    static final String CITY_FILTER = " AND lower(h.city) = lower(btrim(?))";
    static final String STATS = """
            SELECT h.city AS key, count(*) AS deal_count, round(avg(d.price_per_night), 2) AS avg_price,
                   min(d.price_per_night) AS min_price, max(d.price_per_night) AS max_price,
                   round(avg(d.discount_percent), 1) AS avg_discount
              FROM deals d JOIN hotels h ON h.id = d.hotel_id WHERE TRUE GROUP BY 1 ORDER BY deal_count DESC, key ASC""";

    record Result(double perSecond, double p50Ms, double p99Ms) {
        String cells() {
            return String.format(Locale.ROOT, "%.0f | %.2f | %.2f", perSecond, p50Ms, p99Ms);
        }
    }

    /** One statement of a floor query: SQL and its parameters. */
    record Sql(String text, Object... params) {
    }

    /** A server to measure: its jar, extra {@code serve} arguments and environment. */
    record Server(String name, String jar, List<String> arguments, Map<String, String> environment) {
    }

    /** {@code Bench SECONDS}: every query; {@code Bench SECONDS surface [BASELINE_JAR]}: GET /deals/{id} per configuration. */
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        boolean surface = args.length > 1 && args[1].equals("surface");
        Path work = Path.of("benchmarks/target");
        Files.createDirectories(work.resolve("pg"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConnectionPool pool = ConnectionPool.open(DatabaseSettings.fromUrl(url))) {
                Migrations.apply(pool.dataSource());
                fillIfNeeded(pool.dataSource());
            }
            if (surface) {
                surface(url, seconds, work, args.length > 2 ? args[2] : null);
            } else {
                // Rate limits off: wrk is one client asking thousands of times a second, and the
                // benchmark measures the server, not its limiter's refusals.
                Process server = start(new Server("server", JAR, UNLIMITED, Map.of()), url, work);
                try {
                    run(url, seconds, work);
                } finally {
                    stop(server);
                }
            }
        }
    }

    static final String JAR = "bootstrap/target/deals.jar";
    static final List<String> UNLIMITED = List.of("--rate-limit-read-per-minute", "0", "--rate-limit-write-per-minute", "0");

    static Process start(Server server, String url, Path work) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", server.jar(), "serve", "--port",
                Integer.toString(PORT), "--db-url", url, "--data-dir", work.resolve("server").toString()));
        command.addAll(server.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().putAll(server.environment());
        Process process = builder.start();
        awaitHealthy();
        return process;
    }

    static void stop(Process server) throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    /**
     * What the API's outer surface costs on the cheapest request, {@code GET /deals/{id}}: the build
     * before it (when its jar is given), then this build with public reads and no limits (route
     * matching, metrics, the access line), with every read counted by a rate limit too high to
     * refuse, and with private reads, so that each request's token is verified (HS256).
     */
    static void surface(String url, int seconds, Path work, String baselineJar) throws Exception {
        String secret = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        Map<String, String> keyed = Map.of("DEALS_JWT_SECRET", secret);
        List<String> highLimits = List.of("--rate-limit-read-per-minute", "1000000000", "--rate-limit-write-per-minute", "0");
        List<String> privateReads = new ArrayList<>(UNLIMITED);
        privateReads.add("--private-reads");
        String token = mint(secret);
        List<Server> servers = new ArrayList<>();
        if (baselineJar != null) {
            servers.add(new Server("before issue 9 (" + baselineJar + ")", baselineJar, List.of(), Map.of()));
        }
        servers.add(new Server("public reads, no rate limit", JAR, UNLIMITED, keyed));
        servers.add(new Server("public reads, rate-limited (never refused)", JAR, highLimits, keyed));
        servers.add(new Server("private reads, a token verified per request", JAR, privateReads, keyed));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "GET /deals/%d; %d connections (wrk); %d s each.%n%n| server | req/s | p50 ms | p99 ms |%n|---|---|---|---|%n",
                DEALS / 2, CONCURRENCY, seconds));
        for (Server server : servers) {
            Process process = start(server, url, work);
            try {
                List<String> headers = server.arguments().contains("--private-reads")
                        ? List.of("Authorization: Bearer " + token) : List.of();
                wrk("/deals/" + DEALS / 2, 3, headers);  // warm-up
                Result result = wrk("/deals/" + DEALS / 2, seconds, headers);
                report.append("| ").append(server.name()).append(" | ").append(result.cells()).append(" |\n");
            } finally {
                stop(process);
            }
        }
        System.out.println(report);
        Files.writeString(work.resolve("surface.md"), report);
    }

    /** A read token from {@code deals token}, signed with {@code secret} as the server will verify it. */
    static String mint(String secret) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR, "token", "--scope", "deals:read", "--ttl", "1d");
        builder.environment().put("DEALS_JWT_SECRET", secret);
        Process token = builder.redirectErrorStream(true).start();
        String out = new String(token.getInputStream().readAllBytes()).strip();
        if (token.waitFor() != 0) {
            throw new IllegalStateException("deals token failed: " + out);
        }
        return out;
    }

    static void run(String url, int seconds, Path work) throws Exception {
        long someId = DEALS / 2;
        String page1 = cursorAfterPages(1);
        String page5000 = cursorAfterPages(4_999);
        long page1After = 20;           // ids are 1..1,000,000, so page n starts after id 20 (n - 1)
        long page5000After = 20L * 4_999;

        List<String> rows = new ArrayList<>();
        Result byIdHttp = wrk("/deals/" + someId, seconds);
        Result byIdSql = floor(url, seconds, new Sql(BY_ID, someId));
        rows.add("GET /deals/{id} | " + byIdHttp.cells() + " | " + byIdSql.cells());

        Result cityHttp = wrk("/deals?city=" + CITY.replace(" ", "%20") + "&limit=20", seconds);
        Result citySql = floor(url, seconds, new Sql(String.format(PAGE, JOIN_HOTELS, CITY_FILTER, 0), CITY),
                new Sql(String.format(COUNT, JOIN_HOTELS, CITY_FILTER), CITY));
        rows.add("GET /deals?city=…&limit=20 (with total) | " + cityHttp.cells() + " | " + citySql.cells());

        Result cursor1Http = wrk("/deals?limit=20&cursor=" + page1, seconds);
        Result cursor1Sql = floor(url, seconds, new Sql(String.format(PAGE, "", " AND d.id > ?", 0), page1After));
        rows.add("cursor page 1 | " + cursor1Http.cells() + " | " + cursor1Sql.cells());
        Result cursor5000Http = wrk("/deals?limit=20&cursor=" + page5000, seconds);
        Result cursor5000Sql = floor(url, seconds, new Sql(String.format(PAGE, "", " AND d.id > ?", 0), page5000After));
        rows.add("cursor page 5,000 | " + cursor5000Http.cells() + " | " + cursor5000Sql.cells());

        Result offset0Http = wrk("/deals?limit=20&offset=0", seconds);
        Result offset0Sql = floor(url, seconds, new Sql(String.format(PAGE, "", "", 0)), new Sql(String.format(COUNT, "", "")));
        rows.add("offset 0 (with total) | " + offset0Http.cells() + " | " + offset0Sql.cells());
        Result offsetDeepHttp = wrk("/deals?limit=20&offset=100000", seconds);
        Result offsetDeepSql = floor(url, seconds, new Sql(String.format(PAGE, "", "", 100_000)),
                new Sql(String.format(COUNT, "", "")));
        rows.add("offset 100,000 (with total) | " + offsetDeepHttp.cells() + " | " + offsetDeepSql.cells());

        Result statsHttp = wrk("/deals/stats?group_by=city", seconds);
        Result statsSql = floor(url, seconds, new Sql(STATS));
        rows.add("GET /deals/stats?group_by=city | " + statsHttp.cells() + " | " + statsSql.cells());

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%,d deals, %,d hotels; %d connections (wrk) and %d JDBC threads; %d s each.%n%n",
                DEALS, HOTELS, CONCURRENCY, CONCURRENCY, seconds));
        report.append("| query | HTTP req/s | HTTP p50 ms | HTTP p99 ms | SQL q/s | SQL p50 ms | SQL p99 ms |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> report.append("| ").append(row).append(" |\n"));
        report.append('\n');
        target(report, "listing p99 ≤ 1.5 × floor p99 + 2 ms", cityHttp.p99Ms(), 1.5 * citySql.p99Ms() + 2, false);
        target(report, "cursor page 5,000 p50 ≤ 1.5 × cursor page 1 p50", cursor5000Http.p50Ms(), 1.5 * cursor1Http.p50Ms(), false);
        report.append(String.format(Locale.ROOT, "- (for comparison) offset 100,000 p50 / offset 0 p50 = %.2f×%n",
                offsetDeepHttp.p50Ms() / offset0Http.p50Ms()));
        target(report, "GET /deals/{id} throughput ≥ 0.4 × floor", byIdHttp.perSecond(), 0.4 * byIdSql.perSecond(), true);
        target(report, "stats by city p50 ≤ 1.2 × floor p50", statsHttp.p50Ms(), 1.2 * statsSql.p50Ms(), false);
        System.out.println(report);
        Files.writeString(work.resolve("results.md"), report);
    }

    static void target(StringBuilder report, String name, double measured, double bound, boolean atLeast) {
        boolean met = atLeast ? measured >= bound : measured <= bound;
        report.append(String.format(Locale.ROOT, "- %s: measured %.2f, bound %.2f → %s%n", name, measured, bound,
                met ? "met" : "MISSED"));
    }

    // --- data -------------------------------------------------------------------------------

    static void fillIfNeeded(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM deals")) {
                count.next();
                if (count.getLong(1) == DEALS) {
                    System.out.println("reusing the 1,000,000 deals in benchmarks/target/pg");
                    return;
                }
            }
            long started = System.nanoTime();
            System.out.println("filling 1,000,000 deals across 2,000 hotels (once) ...");
            sql.execute("TRUNCATE idempotency_keys, outbox_events, deal_price_history, deal_categories, categories, deals, hotels RESTART IDENTITY CASCADE");
            sql.execute("""
                    INSERT INTO hotels (id, name, city, country, phone, star_rating, version, created_at, updated_at)
                    SELECT g, 'Hotel ' || g, 'City ' || (g % 100), 'Country ' || (g % 20), '+1555' || lpad(g::text, 7, '0'),
                           1 + g % 5, 1, now(), now()
                      FROM generate_series(1, 2000) g""");
            sql.execute("""
                    INSERT INTO deals (id, external_ref, hotel_id, room_type, price_per_night, original_price, discount_percent,
                                       checkin_date, checkout_date, is_available, version, created_at, updated_at)
                    SELECT g, 'B-' || g, 1 + (g::bigint * 7919) % 2000, 'Room ' || (g % 7), p.price, p.original,
                           round(100 * (1 - p.price / p.original)), date '2027-01-01' + (g % 365),
                           date '2027-01-01' + (g % 365) + 1 + (g % 7), g % 10 <> 0, 1,
                           timestamptz '2026-01-01' + g * interval '1 second',
                           timestamptz '2026-01-01' + g * interval '1 second'
                      FROM generate_series(1, 1000000) g,
                           LATERAL (SELECT (50 + (g * 31) % 450) + 0.99 AS original) o,
                           LATERAL (SELECT o.original AS original,
                                           round(o.original * (0.5 + (g % 50) / 100.0), 2) AS price) p""");
            sql.execute("INSERT INTO categories (name) SELECT 'category ' || c FROM generate_series(1, 20) c");
            // The at-most-ten check counts per inserted row; these rows carry two categories at most.
            sql.execute("ALTER TABLE deal_categories DISABLE TRIGGER deal_categories_at_most_ten");
            sql.execute("""
                    INSERT INTO deal_categories (deal_id, category_id)
                    SELECT g, 1 + g % 20 FROM generate_series(1, 1000000) g
                    UNION ALL
                    SELECT g, 1 + (g / 3) % 20 FROM generate_series(1, 1000000) g WHERE (g / 3) % 20 <> g % 20""");
            sql.execute("ALTER TABLE deal_categories ENABLE TRIGGER deal_categories_at_most_ten");
            sql.execute("SELECT setval(pg_get_serial_sequence('hotels', 'id'), 2000)");
            sql.execute("SELECT setval(pg_get_serial_sequence('deals', 'id'), 1000000)");
            sql.execute("VACUUM ANALYZE");
            System.out.printf("filled in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    // --- HTTP -------------------------------------------------------------------------------

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Pattern NEXT = Pattern.compile("\"next_cursor\":\"([^\"]+)\"");

    static void awaitHealthy() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start; see benchmarks/target/server.log");
    }

    static HttpResponse<String> get(String path) throws java.io.IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The cursor the server hands out after {@code pages} pages of 20, found by walking them. */
    static String cursorAfterPages(int pages) throws Exception {
        String path = "/deals?limit=20";
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            Matcher next = NEXT.matcher(get(path).body());
            if (!next.find()) {
                throw new IllegalStateException("no next_cursor after page " + page);
            }
            cursor = next.group(1);
            path = "/deals?limit=20&cursor=" + cursor;
        }
        return cursor;
    }

    static Result wrk(String path, int seconds) throws Exception {
        return wrk(path, seconds, List.of());
    }

    static Result wrk(String path, int seconds, List<String> headers) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONCURRENCY, "-d" + seconds + "s", "--latency"));
        headers.forEach(header -> command.addAll(List.of("-H", header)));
        command.add("http://localhost:" + PORT + path);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("errors while measuring " + path + ":\n" + out);
        }
        return new Result(number(out, "Requests/sec:\\s+([0-9.]+)"), millis(out, "50%"), millis(out, "99%"));
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    static double millis(String text, String percentile) {
        Matcher m = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in:\n" + text);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    // --- SQL floor --------------------------------------------------------------------------

    /** The statements run back to back on {@link #CONCURRENCY} connections, every column read. */
    static Result floor(String url, int seconds, Sql... statements) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            results.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Connection connection = DriverManager.getConnection(url)) {
                    List<PreparedStatement> prepared = new ArrayList<>();
                    for (Sql sql : statements) {
                        PreparedStatement statement = connection.prepareStatement(sql.text());
                        for (int i = 0; i < sql.params().length; i++) {
                            statement.setObject(i + 1, sql.params()[i]);
                        }
                        prepared.add(statement);
                    }
                    while (System.nanoTime() < deadline) {
                        long started = System.nanoTime();
                        for (PreparedStatement statement : prepared) {
                            try (ResultSet rows = statement.executeQuery()) {
                                int columns = rows.getMetaData().getColumnCount();
                                while (rows.next()) {
                                    for (int c = 1; c <= columns; c++) {
                                        rows.getString(c);
                                    }
                                }
                            }
                        }
                        latencies.add(System.nanoTime() - started);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            Arrays.stream(result.get()).forEach(all::add);
        }
        threads.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
