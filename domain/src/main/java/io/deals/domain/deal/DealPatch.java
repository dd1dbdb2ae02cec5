package io.deals.domain.deal;

import io.deals.domain.category.CategoryName;
import io.deals.domain.shared.PatchValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A partial change to a deal, with JSON merge-patch semantics: an absent field keeps its
 * value, {@code null} removes it (which, for a required field, is a validation error), and
 * {@code categories} replaces the whole set.
 */
public record DealPatch(PatchValue<Long> hotelId, PatchValue<String> roomType,
                        PatchValue<BigDecimal> pricePerNight, PatchValue<BigDecimal> originalPrice,
                        PatchValue<Integer> discountPercent, PatchValue<LocalDate> checkinDate,
                        PatchValue<LocalDate> checkoutDate, PatchValue<Boolean> available,
                        PatchValue<List<String>> categories, PatchValue<String> externalRef) {

    /** Nothing changes: a starting point for callers that set a few fields. */
    public static final DealPatch EMPTY = new DealPatch(PatchValue.absent(), PatchValue.absent(),
            PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
            PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent());

    /**
     * The patch written out as a full draft over the current terms, so that one rule set
     * checks both. A discount the patch does not name is derived again when a price changes.
     */
    DealDraft over(DealTerms current) {
        boolean priceChanges = changes(pricePerNight, current.pricePerNight())
                || changes(originalPrice, current.originalPrice());
        Integer currentDiscount = priceChanges ? null : current.discount().value();
        return new DealDraft(
                hotelId.orElse(current.hotelId().value()),
                roomType.orElse(current.roomType()),
                pricePerNight.orElse(current.pricePerNight().amount()),
                originalPrice.orElse(current.originalPrice().amount()),
                discountPercent.orElse(currentDiscount),
                checkinDate.orElse(current.stay().checkin()),
                checkoutDate.orElse(current.stay().checkout()),
                available.orElse(current.available()),
                categories.orElse(current.categories().names().stream().map(CategoryName::value).toList()),
                externalRef.orElse(current.externalRef() == null ? null : current.externalRef().value()));
    }

    private static boolean changes(PatchValue<BigDecimal> patch, Money current) {
        return patch.present() && (patch.value() == null || patch.value().compareTo(current.amount()) != 0);
    }
}
