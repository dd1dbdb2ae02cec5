package io.deals.adapters.persistence.hotel;

import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDetails;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.hotel.Phone;
import io.deals.domain.hotel.StarRating;
import io.deals.domain.shared.Version;

import java.time.Instant;

/** A row of {@code hotels}. */
public record HotelRow(long id, String name, String city, String country, String phone, int starRating, long version,
                Instant createdAt, Instant updatedAt) {

    static HotelRow from(Hotel hotel) {
        HotelDetails d = hotel.details();
        return new HotelRow(hotel.id().value(), d.name(), d.city(), d.country(), d.phone().value(),
                d.starRating().value(), hotel.version().value(), hotel.createdAt(), hotel.updatedAt());
    }

    public Hotel toDomain() {
        HotelDetails details = new HotelDetails(name, city, country, new Phone(phone), new StarRating(starRating));
        return Hotel.restore(new HotelId(id), details, new Version(version), createdAt, updatedAt);
    }
}
