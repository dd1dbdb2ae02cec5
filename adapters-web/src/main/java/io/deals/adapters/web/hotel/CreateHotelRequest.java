package io.deals.adapters.web.hotel;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.shared.port.in.FieldErrors;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.hotel.HotelDraft;

import java.util.Set;

/** The body of {@code POST /hotels}; a field left out or sent as {@code null} is read as {@code null}. */
record CreateHotelRequest(String name, String city, String country, String phone, Integer starRating) {

    static final Set<String> FIELDS = Set.of("name", "city", "country", "phone", "star_rating");

    static CreateHotelRequest read(JsonInput in) {
        return new CreateHotelRequest(in.text("name").value(), in.text("city").value(), in.text("country").value(),
                in.text("phone").value(), in.integer("star_rating").value());
    }

    /** The command, carrying the fields that could not be read so that the use case reports them with its own. */
    CreateHotelCommand toCommand(IdempotencyKey idempotencyKey, FieldErrors unreadable) {
        return new CreateHotelCommand(new HotelDraft(name, city, country, phone, starRating), idempotencyKey,
                unreadable);
    }
}
