package io.deals.bootstrap.http;

import io.deals.adapters.persistence.DatabaseSettings;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.bootstrap.DealsRuntime;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.http.Scrape.Sample;
import io.deals.bootstrap.imports.DealsCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} of a server started as {@code deals serve --db-url} starts it (so with its own
 * connection pool), scraped over real HTTP after real requests.
 */
class MetricsIT {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String IMPORTED_ROWS = "deals_import_rows_total";

    private static DealsRuntime runtime;
    private static Api api;

    @BeforeAll
    static void startServer() {
        runtime = DealsRuntime.external(jdbcUrl(), ServerOptions.of(0, ServerSecret.random()).withTokens(TestTokens.SETTINGS), false);
        api = new Api(runtime.port());
    }

    @AfterAll
    static void stopServer() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void metrics_are_prometheus_text_and_public() {
        Reply metrics = api.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.header("Cache-Control")).isEqualTo("no-store");
        assertThat(Scrape.of(metrics.text()).samples()).isNotEmpty();
    }

    @Test
    void requests_are_counted_by_method_route_template_and_status_in_a_latency_histogram() {
        long hotel = api.post("/hotels", ApiTestBase.HOTEL).id();
        assertThat(api.get("/hotels/" + hotel).status()).isEqualTo(200);
        assertThat(api.get("/hotels/" + hotel).status()).isEqualTo(200);
        assertThat(api.get("/random/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.post("/deals", "{\"hotel_id\": " + hotel + "}").status()).isEqualTo(422);

        Scrape scrape = scrape();

        assertThat(scrape.value(REQUESTS, Map.of("method", "GET", "route", "/hotels/{id}", "status", "200")))
                .isGreaterThanOrEqualTo(2);
        assertThat(scrape.value(REQUESTS, Map.of("method", "POST", "route", "/hotels", "status", "201")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.value(REQUESTS, Map.of("method", "POST", "route", "/deals", "status", "422")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.value(REQUESTS, Map.of("method", "GET", "route", "unmatched", "status", "404")))
                .isGreaterThanOrEqualTo(1);
        Map<String, String> reads = Map.of("method", "GET", "route", "/hotels/{id}", "status", "200");
        assertThat(scrape.find("http_server_requests_seconds_bucket", reads)).extracting(s -> s.labels().get("le"))
                .contains("0.005", "0.1", "1.0", "10.0", "+Inf");
        assertThat(scrape.value("http_server_requests_seconds_bucket", withLe(reads, "+Inf")))
                .isEqualTo(scrape.value(REQUESTS, reads));
        assertThat(scrape.value("http_server_requests_seconds_sum", reads)).isPositive();
        assertThat(scrape.find(REQUESTS)).extracting(s -> s.labels().get("route"))
                .allSatisfy(route -> assertThat(route).matches("unmatched|/[a-z/{}-]*"))
                .noneMatch(route -> route.contains(Long.toString(hotel)));
    }

    @Test
    void a_scan_of_random_paths_and_methods_adds_no_series() {
        scanOnce();
        Set<Map<String, String>> before = requestSeries();

        for (int i = 0; i < 3; i++) {
            scanOnce();
        }

        assertThat(requestSeries()).isEqualTo(before);
        assertThat(before).contains(Map.of("method", "OTHER", "route", "unmatched", "status", "404"),
                Map.of("method", "OTHER", "route", "unmatched", "status", "405"));
    }

    @Test
    void requests_too_malformed_to_reach_a_route_are_counted_by_status() {
        double before = scrape().value("http_server_malformed_requests_total", Map.of("status", "400"));

        assertThat(RawHttp.send(api.port(), "GARBAGE\r\n\r\n").status()).isEqualTo(400);

        assertThat(scrape().value("http_server_malformed_requests_total", Map.of("status", "400")))
                .isEqualTo(before + 1);
    }

    @Test
    void every_imported_row_is_counted_by_outcome() {
        Scrape before = scrape();
        String file = DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA),
                row("D-3", CANAL).prices("-5", "199.99", "")).text();
        assertThat(importCsv("", file).status()).isEqualTo(200);
        String changed = DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA).prices("99.00", "199.99", ""))
                .text();
        assertThat(importCsv("", changed).status()).isEqualTo(200);
        assertThat(importCsv("?mode=strict", file).status()).isEqualTo(422);

        Scrape after = scrape();

        assertThat(imported(after, "created") - imported(before, "created")).isEqualTo(2);
        assertThat(imported(after, "updated") - imported(before, "updated")).isEqualTo(1);
        assertThat(imported(after, "unchanged") - imported(before, "unchanged")).isEqualTo(1);
        // One bad row in the lenient import, the same one again in the strict import it refused.
        assertThat(imported(after, "rejected") - imported(before, "rejected")).isEqualTo(2);
    }

    @Test
    void jvm_and_connection_pool_figures_are_shown() {
        Scrape scrape = scrape();

        for (String jvm : new String[] {"jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
                "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage",
                "process_uptime_seconds"}) {
            assertThat(scrape.find(jvm)).as(jvm).isNotEmpty();
        }
        Map<String, String> pool = Map.of("pool", "deals");
        assertThat(scrape.value("hikaricp_connections_max", pool)).isPositive();
        assertThat(scrape.find("hikaricp_connections_active", pool)).hasSize(1);
        assertThat(scrape.find("hikaricp_connections_acquire_seconds_count", pool)).hasSize(1);
    }

    @Test
    void without_a_relay_no_event_publishing_figures_are_shown() {
        Scrape scrape = scrape();

        assertThat(scrape.find("deals_events_unpublished")).isEmpty();
        assertThat(scrape.find("deals_events_published_total")).isEmpty();
    }

    /** Paths and methods no route knows: a 404 for a path, a 405 for a method on a known path. */
    private static void scanOnce() {
        String random = UUID.randomUUID().toString();
        assertThat(api.get("/" + random + "/" + random).status()).isEqualTo(404);
        assertThat(api.send("X" + random.substring(0, 8).toUpperCase(), "/" + random, BodyPublishers.noBody())
                .status()).isEqualTo(404);
        assertThat(api.send("X" + random.substring(0, 8).toUpperCase(), "/hotels", BodyPublishers.noBody())
                .status()).isEqualTo(405);
    }

    private static Set<Map<String, String>> requestSeries() {
        return scrape().find(REQUESTS).stream().map(Sample::labels).collect(Collectors.toSet());
    }

    private static double imported(Scrape scrape, String outcome) {
        return scrape.value(IMPORTED_ROWS, Map.of("outcome", outcome));
    }

    private static Map<String, String> withLe(Map<String, String> labels, String le) {
        Map<String, String> with = new HashMap<>(labels);
        with.put("le", le);
        return with;
    }

    private static Reply importCsv(String query, String csv) {
        return api.send("POST", "/imports" + query, BodyPublishers.ofString(csv), "Content-Type", "text/csv");
    }

    private static Scrape scrape() {
        Reply metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        return Scrape.of(metrics.text());
    }

    /** The test database's URL with its credentials in it, as an operator would pass it to {@code --db-url}. */
    private static String jdbcUrl() {
        DatabaseSettings database = TestDatabase.settings();
        if (database.user() == null) {
            return database.jdbcUrl();
        }
        return database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + URLEncoder.encode(database.user(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    }
}
