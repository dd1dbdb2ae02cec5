package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

record CreateDealRequest(Long hotelId, String roomType, BigDecimal pricePerNight, BigDecimal originalPrice,
                         Integer discountPercent, LocalDate checkinDate, LocalDate checkoutDate, Boolean isAvailable,
                         List<String> categories, String externalRef) {

    static final Set<String> FIELDS = Set.of("hotel_id", "room_type", "price_per_night", "original_price",
            "discount_percent", "checkin_date", "checkout_date", "is_available", "categories", "external_ref");

    static CreateDealRequest read(JsonInput in) {
        return new CreateDealRequest(in.id("hotel_id").orElse(null), in.text("room_type").orElse(null),
                in.decimal("price_per_night").orElse(null), in.decimal("original_price").orElse(null),
                in.integer("discount_percent").orElse(null), in.date("checkin_date").orElse(null),
                in.date("checkout_date").orElse(null), in.bool("is_available").orElse(null),
                in.strings("categories").orElse(null), in.text("external_ref").orElse(null));
    }

    DealDraft draft() {
        return new DealDraft(hotelId, roomType, pricePerNight, originalPrice, discountPercent, checkinDate,
                checkoutDate, isAvailable, categories, externalRef);
    }

    CreateDealCommand toCommand(IdempotencyKey idempotencyKey) {
        return new CreateDealCommand(draft(), idempotencyKey);
    }
}
