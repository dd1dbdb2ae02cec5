package io.deals.domain.deal;

import io.deals.domain.shared.PatchValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Valid drafts, deals and patches for the deal tests, each changed in just the way a test needs. */
final class DealFixtures {

    static final DealId ID = new DealId(9);
    static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2025-02-01T10:00:00Z");

    private DealFixtures() {
    }

    static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A deal from the default draft: 80.00 instead of 100.00, so a discount of 20. */
    static Deal deal() {
        return deal(draft());
    }

    static Deal deal(DraftBuilder draft) {
        return Deal.create(ID, Deal.validate(draft.build()), CREATED).after();
    }

    static DraftBuilder draft() {
        return new DraftBuilder();
    }

    static PatchBuilder patch() {
        return new PatchBuilder();
    }

    static final class DraftBuilder {
        private Long hotelId = 7L;
        private String roomType = "Double room";
        private BigDecimal price = amount("80.00");
        private BigDecimal original = amount("100.00");
        private Integer discount;
        private LocalDate checkin = LocalDate.of(2025, 6, 1);
        private LocalDate checkout = LocalDate.of(2025, 6, 4);
        private Boolean available = true;
        private List<String> categories = List.of("beach", "family");
        private String externalRef = "EXT-1";

        DraftBuilder hotelId(Long value) {
            hotelId = value;
            return this;
        }

        DraftBuilder roomType(String value) {
            roomType = value;
            return this;
        }

        DraftBuilder price(String value) {
            price = amount(value);
            return this;
        }

        DraftBuilder original(String value) {
            original = amount(value);
            return this;
        }

        DraftBuilder discount(Integer value) {
            discount = value;
            return this;
        }

        DraftBuilder stay(LocalDate in, LocalDate out) {
            checkin = in;
            checkout = out;
            return this;
        }

        DraftBuilder available(Boolean value) {
            available = value;
            return this;
        }

        DraftBuilder categories(List<String> value) {
            categories = value;
            return this;
        }

        DraftBuilder externalRef(String value) {
            externalRef = value;
            return this;
        }

        DealDraft build() {
            return new DealDraft(hotelId, roomType, price, original, discount, checkin, checkout, available,
                    categories, externalRef);
        }
    }

    /** Starts from {@link DealPatch#EMPTY}; each setter makes one field present (null included). */
    static final class PatchBuilder {
        private final DealPatch empty = DealPatch.EMPTY;
        private PatchValue<Long> hotelId = empty.hotelId();
        private PatchValue<String> roomType = empty.roomType();
        private PatchValue<BigDecimal> price = empty.pricePerNight();
        private PatchValue<BigDecimal> original = empty.originalPrice();
        private PatchValue<Integer> discount = empty.discountPercent();
        private PatchValue<LocalDate> checkin = empty.checkinDate();
        private PatchValue<LocalDate> checkout = empty.checkoutDate();
        private PatchValue<Boolean> available = empty.available();
        private PatchValue<List<String>> categories = empty.categories();
        private PatchValue<String> externalRef = empty.externalRef();

        PatchBuilder hotelId(Long value) {
            hotelId = PatchValue.of(value);
            return this;
        }

        PatchBuilder roomType(String value) {
            roomType = PatchValue.of(value);
            return this;
        }

        PatchBuilder price(String value) {
            price = PatchValue.of(amount(value));
            return this;
        }

        PatchBuilder original(String value) {
            original = PatchValue.of(amount(value));
            return this;
        }

        PatchBuilder discount(Integer value) {
            discount = PatchValue.of(value);
            return this;
        }

        PatchBuilder checkin(LocalDate value) {
            checkin = PatchValue.of(value);
            return this;
        }

        PatchBuilder checkout(LocalDate value) {
            checkout = PatchValue.of(value);
            return this;
        }

        PatchBuilder available(Boolean value) {
            available = PatchValue.of(value);
            return this;
        }

        PatchBuilder categories(List<String> value) {
            categories = PatchValue.of(value);
            return this;
        }

        PatchBuilder externalRef(String value) {
            externalRef = PatchValue.of(value);
            return this;
        }

        DealPatch build() {
            return new DealPatch(hotelId, roomType, price, original, discount, checkin, checkout, available,
                    categories, externalRef);
        }
    }
}
