package io.deals.adapters.persistence.deal;

import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.HotelSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal joined with its hotel and its categories, as one SQL row. */
public record DealViewRow(long id, String externalRef, long hotelId, String hotelName, String hotelCity,
                   String hotelCountry, int hotelStarRating, String roomType, BigDecimal pricePerNight,
                   BigDecimal originalPrice, int discountPercent, LocalDate checkinDate, LocalDate checkoutDate,
                   int nights, boolean isAvailable, String[] categories, long version, Instant createdAt,
                   Instant updatedAt) {

    public DealView toView() {
        return new DealView(id, externalRef,
                new HotelSummary(hotelId, hotelName, hotelCity, hotelCountry, hotelStarRating), roomType,
                pricePerNight, originalPrice, discountPercent, checkinDate, checkoutDate, nights, isAvailable,
                List.of(categories), version, createdAt, updatedAt);
    }
}
