package io.deals.application.deal.port.in;

/** The part of a hotel that every deal shows. */
public record HotelSummary(long id, String name, String city, String country, int starRating) {
}
