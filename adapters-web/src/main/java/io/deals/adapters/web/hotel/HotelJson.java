package io.deals.adapters.web.hotel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelRepresentation;
import jakarta.inject.Inject;

/** A hotel's JSON: {@link HotelResponse} written by the API's mapper, exactly as a route writes it. */
public final class HotelJson implements HotelRepresentation {

    private final ObjectMapper json;

    @Inject
    HotelJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String of(HotelView hotel) {
        return JsonMappers.write(json, HotelResponse.from(hotel));
    }
}
