package io.deals.adapters.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API's figures: {@code http_server_requests_seconds}, a latency histogram by
 * {@code method}, {@code route} and {@code status}, and {@code http_server_malformed_requests_total}
 * by {@code status} for what Jetty refuses before any route sees it. Every label takes few values
 * whatever clients send, so that no scan can multiply the series: the route is the matched
 * template ({@code /deals/{id}}) or {@value #UNMATCHED}, and a method outside HTTP's own is
 * {@value #OTHER_METHOD}.
 */
public final class HttpMetrics {

    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");
    /** Prometheus' default buckets: fine below 100 ms, where the API's answers are, and up to the 10 s drain. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    @Inject
    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One answered request; {@code route} is the matched template, or {@value #UNMATCHED}. */
    void answered(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status")
                .tags("method", METHODS.contains(method) ? method : OTHER_METHOD, "route", route,
                        "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request Jetty answered with {@code status} because it could not even be read. */
    void malformedRequest(int status) {
        Counter.builder("http.server.malformed.requests")
                .description("requests refused before routing because they could not be read")
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }
}
