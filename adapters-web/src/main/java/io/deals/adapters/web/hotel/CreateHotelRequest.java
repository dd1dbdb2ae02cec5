package io.deals.adapters.web.hotel;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.hotel.HotelDraft;

import java.util.Set;

record CreateHotelRequest(String name, String city, String country, String phone, Integer starRating) {

    static final Set<String> FIELDS = Set.of("name", "city", "country", "phone", "star_rating");

    static CreateHotelRequest read(JsonInput in) {
        return new CreateHotelRequest(in.text("name").orElse(null), in.text("city").orElse(null),
                in.text("country").orElse(null), in.text("phone").orElse(null), in.integer("star_rating").orElse(null));
    }

    HotelDraft draft() {
        return new HotelDraft(name, city, country, phone, starRating);
    }

    CreateHotelCommand toCommand(IdempotencyKey idempotencyKey) {
        return new CreateHotelCommand(draft(), idempotencyKey);
    }
}
