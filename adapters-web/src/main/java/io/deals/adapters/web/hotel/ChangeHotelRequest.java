package io.deals.adapters.web.hotel;

import io.deals.adapters.web.shared.JsonField;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.hotel.port.in.ChangeHotelCommand;
import io.deals.application.shared.port.in.FieldErrors;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.shared.Version;

import java.util.Set;

/**
 * The body of {@code PATCH /hotels/{id}}, a JSON merge patch: each field absent (kept), {@code null}
 * (removed) or a new value. {@code version}, if sent, is the version the change was made from.
 */
record ChangeHotelRequest(JsonField<String> name, JsonField<String> city, JsonField<String> country,
                          JsonField<String> phone, JsonField<Integer> starRating, Long version) {

    static final Set<String> FIELDS = Set.of("name", "city", "country", "phone", "star_rating", "version");

    static ChangeHotelRequest read(JsonInput in) {
        return new ChangeHotelRequest(in.text("name"), in.text("city"), in.text("country"), in.text("phone"),
                in.integer("star_rating"), in.id("version").value());
    }

    /** The command, carrying the fields that could not be read so that the use case reports them with its own. */
    ChangeHotelCommand toCommand(HotelId id, Version expectedVersion, FieldErrors unreadable) {
        HotelPatch patch = new HotelPatch(name.toPatchValue(), city.toPatchValue(), country.toPatchValue(),
                phone.toPatchValue(), starRating.toPatchValue());
        return new ChangeHotelCommand(id, expectedVersion, patch, unreadable);
    }
}
