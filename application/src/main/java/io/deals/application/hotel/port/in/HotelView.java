package io.deals.application.hotel.port.in;

import java.time.Instant;

/** A hotel as readers see it; built straight from SQL. */
public record HotelView(long id, String name, String city, String country, String phone, int starRating,
                        long version, Instant createdAt, Instant updatedAt) {
}
