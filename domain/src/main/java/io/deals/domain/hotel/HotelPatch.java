package io.deals.domain.hotel;

import io.deals.domain.shared.PatchValue;

/** A partial change to a hotel (merge-patch semantics: absent keeps, null removes). */
public record HotelPatch(PatchValue<String> name, PatchValue<String> city, PatchValue<String> country,
                         PatchValue<String> phone, PatchValue<Integer> starRating) {

    /** The patch as a full draft over the current details, so one rule set checks both. */
    HotelDraft over(HotelDetails current) {
        return new HotelDraft(
                name.orElse(current.name()),
                city.orElse(current.city()),
                country.orElse(current.country()),
                phone.orElse(current.phone().value()),
                starRating.orElse(current.starRating().value()));
    }
}
