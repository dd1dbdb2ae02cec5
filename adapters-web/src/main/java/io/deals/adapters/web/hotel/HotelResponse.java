package io.deals.adapters.web.hotel;

import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.shared.Timestamps;

import java.util.Set;

/** A hotel as the API shows it; every field listed here on purpose. */
record HotelResponse(long id, String name, String city, String country, String phone, int starRating, long version,
                     String createdAt, String updatedAt) {

    /** Fields a client reads but never writes; a PATCH may name {@code version} as its precondition. */
    static final Set<String> READ_ONLY_ON_CREATE = Set.of("id", "version", "created_at", "updated_at");
    static final Set<String> READ_ONLY_ON_PATCH = Set.of("id", "created_at", "updated_at");

    static HotelResponse from(HotelView hotel) {
        return new HotelResponse(hotel.id(), hotel.name(), hotel.city(), hotel.country(), hotel.phone(),
                hotel.starRating(), hotel.version(), Timestamps.format(hotel.createdAt()),
                Timestamps.format(hotel.updatedAt()));
    }
}
