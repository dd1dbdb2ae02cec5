package io.deals.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.deals.adapters.web.access.AccessControl;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.deal.DealListRoutes;
import io.deals.adapters.web.deal.DealRoutes;
import io.deals.adapters.web.docs.DocsRoutes;
import io.deals.adapters.web.event.EventRoutes;
import io.deals.adapters.web.event.EventStreamRoutes;
import io.deals.adapters.web.health.HealthRoutes;
import io.deals.adapters.web.imports.ImportRoutes;
import io.deals.adapters.web.hotel.HotelRoutes;
import io.deals.adapters.web.limits.RateLimitFilter;
import io.deals.adapters.web.limits.RateLimits;
import io.deals.adapters.web.metrics.MetricsRoutes;
import io.deals.adapters.web.shared.Cursors;
import io.deals.adapters.web.shared.ErrorResponses;
import io.deals.adapters.web.shared.JsonBodies;
import io.deals.adapters.web.shared.OpenStreams;
import io.deals.adapters.web.shared.Paging;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import jakarta.inject.Singleton;

/**
 * Binds the HTTP API. It needs the application's use cases and queries, {@link RepresentationModule}
 * and the metrics registry (Micrometer's {@code MeterRegistry} and, for {@code GET /metrics}, the same
 * as a {@code PrometheusMeterRegistry}), bound elsewhere.
 */
public final class WebModule extends AbstractModule {

    private final byte[] cursorKey;
    private final TokenSettings tokens;
    private final RateLimits rateLimits;

    /**
     * {@code cursorKey} signs page cursors (at least 32 bytes): keep it, and cursors survive a restart.
     * {@code tokens} says how callers' tokens are verified; {@code rateLimits} is what each client may
     * ask of this server instance a minute.
     */
    public WebModule(byte[] cursorKey, TokenSettings tokens, RateLimits rateLimits) {
        this.cursorKey = cursorKey.clone();
        this.tokens = tokens;
        this.rateLimits = rateLimits;
    }

    @Override
    protected void configure() {
        // Registration order is route order: the fixed /deals/stats before /deals/:id.
        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(DocsRoutes.class);
        routes.addBinding().to(HotelRoutes.class);
        routes.addBinding().to(DealListRoutes.class);
        routes.addBinding().to(DealRoutes.class);
        routes.addBinding().to(ImportRoutes.class);
        routes.addBinding().to(EventRoutes.class);
        routes.addBinding().to(EventStreamRoutes.class);
        routes.addBinding().to(MetricsRoutes.class);
        bind(OpenStreams.class).in(Singleton.class);
        bind(HttpMetrics.class).in(Singleton.class);
        bind(HttpServer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    Responses responses(ObjectMapper json) {
        return new Responses(json);
    }

    @Provides
    @Singleton
    JsonBodies bodies(ObjectMapper json) {
        return new JsonBodies(json);
    }

    @Provides
    @Singleton
    Paging paging() {
        return new Paging(new Cursors(cursorKey));
    }

    @Provides
    @Singleton
    RateLimitFilter rateLimitFilter() {
        return new RateLimitFilter(rateLimits);
    }

    @Provides
    @Singleton
    AccessControl accessControl() {
        return new AccessControl(tokens);
    }

    @Provides
    @Singleton
    ErrorResponses errors(Responses responses) {
        return new ErrorResponses(responses);
    }
}
