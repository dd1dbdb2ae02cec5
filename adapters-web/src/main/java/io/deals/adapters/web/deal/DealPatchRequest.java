package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.Preconditions;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.shared.Version;

import java.util.Set;

/** A JSON merge patch of a deal, with the optional {@code version} it was made from. */
record DealPatchRequest(DealPatch patch, Version version) {

    static final Set<String> FIELDS = Set.of("hotel_id", "room_type", "price_per_night", "original_price",
            "discount_percent", "checkin_date", "checkout_date", "is_available", "categories", "external_ref",
            "version");

    static DealPatchRequest read(JsonInput in) {
        DealPatch patch = new DealPatch(in.id("hotel_id"), in.text("room_type"), in.decimal("price_per_night"),
                in.decimal("original_price"), in.integer("discount_percent"), in.date("checkin_date"),
                in.date("checkout_date"), in.bool("is_available"), in.strings("categories"), in.text("external_ref"));
        return new DealPatchRequest(patch, Preconditions.bodyVersion(in));
    }
}
