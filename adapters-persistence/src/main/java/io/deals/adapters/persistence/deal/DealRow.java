package io.deals.adapters.persistence.deal;

import io.deals.domain.category.Categories;
import io.deals.domain.category.CategoryName;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.deal.DiscountPercent;
import io.deals.domain.deal.ExternalRef;
import io.deals.domain.deal.Money;
import io.deals.domain.deal.Stay;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/** A row of {@code deals} with the names of its categories. */
record DealRow(long id, String externalRef, long hotelId, String roomType, BigDecimal pricePerNight,
               BigDecimal originalPrice, int discountPercent, LocalDate checkinDate, LocalDate checkoutDate,
               boolean isAvailable, String[] categories, long version, Instant createdAt, Instant updatedAt) {

    static DealRow from(Deal deal) {
        DealTerms t = deal.terms();
        return new DealRow(deal.id().value(), t.externalRef() == null ? null : t.externalRef().value(),
                t.hotelId().value(), t.roomType(), t.pricePerNight().amount(), t.originalPrice().amount(),
                t.discount().value(), t.stay().checkin(), t.stay().checkout(), t.available(),
                t.categories().values().toArray(String[]::new), deal.version().value(), deal.createdAt(),
                deal.updatedAt());
    }

    Deal toDomain() {
        DealTerms terms = new DealTerms(new HotelId(hotelId), roomType, new Money(pricePerNight),
                new Money(originalPrice), new DiscountPercent(discountPercent), new Stay(checkinDate, checkoutDate),
                isAvailable, new Categories(Arrays.stream(categories).map(CategoryName::new).toList()),
                externalRef == null ? null : new ExternalRef(externalRef));
        return Deal.restore(new DealId(id), terms, new Version(version), createdAt, updatedAt);
    }
}
