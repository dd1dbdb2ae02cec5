package io.deals.domain.hotel;

/** A hotel as a caller wrote it, before any rule was checked. */
public record HotelDraft(String name, String city, String country, String phone, Integer starRating) {
}
