package io.deals.application.hotel.port.in;

/** What a hotel listing selects; every criterion optional, combined with AND; city and country case-insensitive. */
public record HotelFilter(String city, String country, Integer minStars) {

    public static final HotelFilter ALL = new HotelFilter(null, null, null);
}
