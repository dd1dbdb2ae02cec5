package io.deals.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.deals.adapters.web.deal.DealJson;
import io.deals.adapters.web.hotel.HotelJson;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.hotel.port.out.HotelRepresentation;
import jakarta.inject.Singleton;

/**
 * The API's JSON and the representations of hotels and deals written with it: what {@code GET}
 * answers and what every event carries, with or without an HTTP server.
 */
public final class RepresentationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DealRepresentation.class).to(DealJson.class).in(Singleton.class);
        bind(HotelRepresentation.class).to(HotelJson.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ObjectMapper json() {
        return JsonMappers.api();
    }
}
