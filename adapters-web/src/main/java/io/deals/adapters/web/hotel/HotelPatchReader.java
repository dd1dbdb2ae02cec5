package io.deals.adapters.web.hotel;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.domain.hotel.HotelPatch;

import java.util.Set;

/** Reads a JSON merge patch of a hotel straight into the domain's patch; {@code version} is its precondition. */
final class HotelPatchReader {

    static final Set<String> FIELDS = Set.of("name", "city", "country", "phone", "star_rating", "version");

    private HotelPatchReader() {
    }

    static HotelPatch read(JsonInput in) {
        return new HotelPatch(in.text("name"), in.text("city"), in.text("country"), in.text("phone"),
                in.integer("star_rating"));
    }
}
