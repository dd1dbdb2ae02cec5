package io.deals.domain.hotel;

import io.deals.domain.shared.Text;

import java.util.Objects;

/** What describes a hotel, validated: everything but identity, version and timestamps. */
public record HotelDetails(String name, String city, String country, Phone phone, StarRating starRating) {

    public static final int NAME_MAX = 200;
    public static final int PLACE_MAX = 100;

    public HotelDetails {
        Text.requireNormalized(name, NAME_MAX);
        Text.requireNormalized(city, PLACE_MAX);
        Text.requireNormalized(country, PLACE_MAX);
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(starRating, "starRating");
    }
}
