package io.deals.adapters.web.health;

import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.in.HealthReport;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.util.Map;
import java.util.TreeMap;

/** {@code GET /health}: 200 when every component answers, 503 otherwise. */
public final class HealthRoutes implements RouteGroup {

    record Status(String status) {

        static Status of(boolean up) {
            return new Status(up ? "UP" : "DOWN");
        }
    }

    record HealthResponse(String status, Map<String, Status> checks) {
    }

    private final HealthQueries health;
    private final Responses responses;

    @Inject
    public HealthRoutes(HealthQueries health, Responses responses) {
        this.health = health;
        this.responses = responses;
    }

    @Override
    public void register(Router router) {
        router.get("/health", this::check);
    }

    private Object check(Request request, Response response) {
        HealthReport report = health.check();
        Map<String, Status> checks = new TreeMap<>();
        report.components().forEach((name, up) -> checks.put(name, Status.of(up)));
        response.header("Cache-Control", "no-store");
        return responses.json(response, report.up() ? 200 : 503, new HealthResponse(Status.of(report.up()).status(), checks));
    }
}
