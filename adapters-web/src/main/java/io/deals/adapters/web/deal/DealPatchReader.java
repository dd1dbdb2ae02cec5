package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.domain.deal.DealPatch;

import java.util.Set;

/** Reads a JSON merge patch of a deal straight into the domain's patch; {@code version} is its precondition. */
final class DealPatchReader {

    static final Set<String> FIELDS = Set.of("hotel_id", "room_type", "price_per_night", "original_price",
            "discount_percent", "checkin_date", "checkout_date", "is_available", "categories", "external_ref",
            "version");

    private DealPatchReader() {
    }

    static DealPatch read(JsonInput in) {
        return new DealPatch(in.id("hotel_id"), in.text("room_type"), in.decimal("price_per_night"),
                in.decimal("original_price"), in.integer("discount_percent"), in.date("checkin_date"),
                in.date("checkout_date"), in.bool("is_available"), in.strings("categories"), in.text("external_ref"));
    }
}
