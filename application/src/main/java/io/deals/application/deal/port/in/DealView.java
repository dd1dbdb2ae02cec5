package io.deals.application.deal.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal as readers see it, with its hotel and its categories (sorted by name); built straight from SQL. */
public record DealView(long id, String externalRef, HotelSummary hotel, String roomType, BigDecimal pricePerNight,
                       BigDecimal originalPrice, int discountPercent, LocalDate checkinDate, LocalDate checkoutDate,
                       int nights, boolean available, List<String> categories, long version, Instant createdAt,
                       Instant updatedAt) {

    public DealView {
        categories = List.copyOf(categories);
    }
}
