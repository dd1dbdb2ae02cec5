package io.deals.adapters.web.hotel;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.Preconditions;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.shared.Version;

import java.util.Set;

/** A JSON merge patch of a hotel, with the optional {@code version} it was made from. */
record HotelPatchRequest(HotelPatch patch, Version version) {

    static final Set<String> FIELDS = Set.of("name", "city", "country", "phone", "star_rating", "version");

    static HotelPatchRequest read(JsonInput in) {
        HotelPatch patch = new HotelPatch(in.text("name"), in.text("city"), in.text("country"), in.text("phone"),
                in.integer("star_rating"));
        return new HotelPatchRequest(patch, Preconditions.bodyVersion(in));
    }
}
