package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.JsonField;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.shared.port.in.FieldErrors;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.shared.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code PATCH /deals/{id}}, a JSON merge patch: each field absent (kept), {@code null}
 * (removed) or a new value. {@code version}, if sent, is the version the change was made from.
 */
record ChangeDealRequest(JsonField<Long> hotelId, JsonField<String> roomType, JsonField<BigDecimal> pricePerNight,
                         JsonField<BigDecimal> originalPrice, JsonField<Integer> discountPercent,
                         JsonField<LocalDate> checkinDate, JsonField<LocalDate> checkoutDate,
                         JsonField<Boolean> isAvailable, JsonField<List<String>> categories,
                         JsonField<String> externalRef, Long version) {

    static final Set<String> FIELDS = Set.of("hotel_id", "room_type", "price_per_night", "original_price",
            "discount_percent", "checkin_date", "checkout_date", "is_available", "categories", "external_ref",
            "version");

    static ChangeDealRequest read(JsonInput in) {
        return new ChangeDealRequest(in.id("hotel_id"), in.text("room_type"), in.decimal("price_per_night"),
                in.decimal("original_price"), in.integer("discount_percent"), in.date("checkin_date"),
                in.date("checkout_date"), in.bool("is_available"), in.strings("categories"), in.text("external_ref"),
                in.id("version").value());
    }

    /** The command, carrying the fields that could not be read so that the use case reports them with its own. */
    ChangeDealCommand toCommand(DealId id, Version expectedVersion, FieldErrors unreadable) {
        DealPatch patch = new DealPatch(hotelId.toPatchValue(), roomType.toPatchValue(), pricePerNight.toPatchValue(),
                originalPrice.toPatchValue(), discountPercent.toPatchValue(), checkinDate.toPatchValue(),
                checkoutDate.toPatchValue(), isAvailable.toPatchValue(), categories.toPatchValue(),
                externalRef.toPatchValue());
        return new ChangeDealCommand(id, expectedVersion, patch, unreadable);
    }
}
