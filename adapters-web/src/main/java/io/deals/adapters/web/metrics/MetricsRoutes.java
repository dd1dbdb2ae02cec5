package io.deals.adapters.web.metrics;

import io.deals.adapters.web.shared.RouteAccess;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.adapters.web.shared.SecurityHeaders;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

/** {@code GET /metrics}: every figure of the server, in Prometheus' text format, for any scraper (public, like health). */
public final class MetricsRoutes implements RouteGroup {

    /** Prometheus' text exposition format 0.0.4, which every Prometheus-compatible scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    @Inject
    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(Router router) {
        router.get("/metrics", RouteAccess.PUBLIC, this::scrape);
    }

    private Object scrape(Request request, Response response) {
        response.type(CONTENT_TYPE);
        response.header(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        return registry.scrape(CONTENT_TYPE);
    }
}
