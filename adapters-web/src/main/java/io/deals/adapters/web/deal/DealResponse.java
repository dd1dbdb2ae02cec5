package io.deals.adapters.web.deal;

import io.deals.application.shared.Timestamps;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.HotelSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A deal as the API shows it, its hotel embedded; every field listed here on purpose. */
record DealResponse(long id, String externalRef, HotelPart hotel, String roomType, BigDecimal pricePerNight,
                    BigDecimal originalPrice, int discountPercent, LocalDate checkinDate, LocalDate checkoutDate,
                    int nights, boolean isAvailable, List<String> categories, long version, String createdAt,
                    String updatedAt) {

    /** Fields a client reads but never writes; a PATCH may name {@code version} as its precondition. */
    static final Set<String> READ_ONLY_ON_CREATE = Set.of("id", "hotel", "nights", "version", "created_at", "updated_at");
    static final Set<String> READ_ONLY_ON_PATCH = Set.of("id", "hotel", "nights", "created_at", "updated_at");

    record HotelPart(long id, String name, String city, String country, int starRating) {

        static HotelPart from(HotelSummary hotel) {
            return new HotelPart(hotel.id(), hotel.name(), hotel.city(), hotel.country(), hotel.starRating());
        }
    }

    static DealResponse from(DealView deal) {
        return new DealResponse(deal.id(), deal.externalRef(), HotelPart.from(deal.hotel()), deal.roomType(),
                deal.pricePerNight(), deal.originalPrice(), deal.discountPercent(), deal.checkinDate(),
                deal.checkoutDate(), deal.nights(), deal.available(), deal.categories(), deal.version(),
                Timestamps.format(deal.createdAt()), Timestamps.format(deal.updatedAt()));
    }
}
