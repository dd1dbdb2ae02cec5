package io.deals.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.deals.adapters.web.access.AccessControl;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.deal.DealListRoutes;
import io.deals.adapters.web.deal.DealRoutes;
import io.deals.adapters.web.event.EventRoutes;
import io.deals.adapters.web.event.EventStreamRoutes;
import io.deals.adapters.web.health.HealthRoutes;
import io.deals.adapters.web.imports.ImportRoutes;
import io.deals.adapters.web.hotel.HotelRoutes;
import io.deals.adapters.web.shared.Cursors;
import io.deals.adapters.web.shared.ErrorResponses;
import io.deals.adapters.web.shared.JsonBodies;
import io.deals.adapters.web.shared.OpenStreams;
import io.deals.adapters.web.shared.Paging;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import jakarta.inject.Singleton;

/** Binds the HTTP API. It needs the application's use cases and queries, and {@link RepresentationModule}, bound elsewhere. */
public final class WebModule extends AbstractModule {

    private final byte[] cursorKey;
    private final TokenSettings tokens;

    /**
     * {@code cursorKey} signs page cursors (at least 32 bytes): keep it, and cursors survive a restart.
     * {@code tokens} says how callers' tokens are verified.
     */
    public WebModule(byte[] cursorKey, TokenSettings tokens) {
        this.cursorKey = cursorKey.clone();
        this.tokens = tokens;
    }

    @Override
    protected void configure() {
        // Registration order is route order: the fixed /deals/stats before /deals/:id.
        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(HotelRoutes.class);
        routes.addBinding().to(DealListRoutes.class);
        routes.addBinding().to(DealRoutes.class);
        routes.addBinding().to(ImportRoutes.class);
        routes.addBinding().to(EventRoutes.class);
        routes.addBinding().to(EventStreamRoutes.class);
        bind(OpenStreams.class).in(Singleton.class);
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
    AccessControl accessControl() {
        return new AccessControl(tokens);
    }

    @Provides
    @Singleton
    ErrorResponses errors(Responses responses) {
        return new ErrorResponses(responses);
    }
}
