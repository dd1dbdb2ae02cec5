package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.shared.port.in.FieldErrors;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /deals}; a field left out or sent as {@code null} is read as {@code null}. */
record CreateDealRequest(Long hotelId, String roomType, BigDecimal pricePerNight, BigDecimal originalPrice,
                         Integer discountPercent, LocalDate checkinDate, LocalDate checkoutDate, Boolean isAvailable,
                         List<String> categories, String externalRef) {

    static final Set<String> FIELDS = Set.of("hotel_id", "room_type", "price_per_night", "original_price",
            "discount_percent", "checkin_date", "checkout_date", "is_available", "categories", "external_ref");

    static CreateDealRequest read(JsonInput in) {
        return new CreateDealRequest(in.id("hotel_id").value(), in.text("room_type").value(),
                in.decimal("price_per_night").value(), in.decimal("original_price").value(),
                in.integer("discount_percent").value(), in.date("checkin_date").value(),
                in.date("checkout_date").value(), in.bool("is_available").value(),
                in.strings("categories").value(), in.text("external_ref").value());
    }

    /** The command, carrying the fields that could not be read so that the use case reports them with its own. */
    CreateDealCommand toCommand(IdempotencyKey idempotencyKey, FieldErrors unreadable) {
        return new CreateDealCommand(new DealDraft(hotelId, roomType, pricePerNight, originalPrice, discountPercent,
                checkinDate, checkoutDate, isAvailable, categories, externalRef), idempotencyKey, unreadable);
    }
}
