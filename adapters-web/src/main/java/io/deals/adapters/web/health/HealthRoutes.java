package io.deals.adapters.web.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteAccess;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.event.port.in.RelayStatus;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.in.HealthReport;
import io.deals.application.offer.port.in.OfferIngestionStatus;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /health}: 200 when the database answers, 503 otherwise. With a broker configured it
 * also reports {@code kafka} (reachable or not), the event {@code relay} (its role and lag) and,
 * when offers are consumed, {@code offers} (the consumer's lag), which never decide the overall
 * status: events wait in the outbox and offers in their topic while the broker is away.
 */
public final class HealthRoutes implements RouteGroup {

    /** One component's check; {@code role} and {@code unpublished} only for the relay, {@code lag} for the offers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Check(String status, String role, Long unpublished, Long lag) {

        static Check of(boolean up) {
            return new Check(status(up), null, null, null);
        }

        /**
         * DOWN while its last attempt failed (it retries by itself, and logs why: the reason names
         * library internals, which no answer shows); the overall status stays the database's.
         */
        static Check relay(RelayStatus relay) {
            return new Check(status(relay.lastError().isEmpty()), relay.role().name().toLowerCase(Locale.ROOT),
                    relay.unpublished(), null);
        }

        /** DOWN while its last batch failed: it retries by itself, and logs why. */
        static Check offers(OfferIngestionStatus offers) {
            return new Check(status(!offers.retrying()), null, null, offers.lag());
        }

        private static String status(boolean up) {
            return up ? "UP" : "DOWN";
        }
    }

    record HealthResponse(String status, Map<String, Check> checks) {
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
        router.get("/health", RouteAccess.PUBLIC, this::check);
    }

    private Object check(Request request, Response response) {
        HealthReport report = health.check();
        Map<String, Check> checks = new TreeMap<>();
        checks.put("database", Check.of(report.databaseUp()));
        report.relay().ifPresent(relay -> {
            checks.put("kafka", Check.of(relay.brokerReachable()));
            checks.put("relay", Check.relay(relay));
        });
        report.offers().ifPresent(offers -> checks.put("offers", Check.offers(offers)));
        response.header("Cache-Control", "no-store");
        return responses.json(response, report.up() ? 200 : 503,
                new HealthResponse(Check.status(report.up()), checks));
    }
}
