package io.deals.domain.deal;

import io.deals.domain.category.Categories;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.DomainEvent;
import io.deals.domain.shared.Required;
import io.deals.domain.shared.Text;
import io.deals.domain.shared.Validation;
import io.deals.domain.shared.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The deal aggregate. Immutable: every change returns a new deal and the events it raised. */
public final class Deal {

    private final DealId id;
    private final DealTerms terms;
    private final Version version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Deal(DealId id, DealTerms terms, Version version, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.version = Objects.requireNonNull(version, "version");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The draft's terms, or a {@code ValidationException} naming every broken rule. */
    public static DealTerms validate(DealDraft draft) {
        Validation validation = new Validation();
        DealTerms terms = validate(draft, validation);
        validation.throwIfInvalid();
        return terms;
    }

    /** A new deal from terms checked by {@link #validate(DealDraft)}. */
    public static Change<Deal> create(DealId id, DealTerms terms, Instant now) {
        return new Change<>(new Deal(id, terms, Version.INITIAL, now, now), List.of(new DealEvent.Created(id, now)));
    }

    /** Rebuilds a deal from storage; its terms were validated when they were built. */
    public static Deal restore(DealId id, DealTerms terms, Version version, Instant createdAt, Instant updatedAt) {
        return new Deal(id, terms, version, createdAt, updatedAt);
    }

    /**
     * Applies a merge patch. A patch that changes nothing raises no event; one that changes a
     * price (or the discount) raises {@code PriceChanged} besides {@code Updated}.
     */
    public Change<Deal> change(DealPatch patch, Instant now) {
        Validation validation = new Validation();
        if (patch.available().present() && patch.available().value() == null) {
            validation.reject("is_available", "required", "must be true or false");
        }
        DealTerms changed = validate(patch.over(terms), validation);
        validation.throwIfInvalid();
        if (changed.equals(terms)) {
            return Change.none(this);
        }
        List<DomainEvent> events = new ArrayList<>(List.of(new DealEvent.Updated(id, now)));
        if (!changed.samePricesAs(terms)) {
            events.add(new DealEvent.PriceChanged(id, now));
        }
        return new Change<>(new Deal(id, changed, version, createdAt, now), events);
    }

    public DealEvent.Deleted delete(Instant now) {
        return new DealEvent.Deleted(id, now);
    }

    /** Checks every rule of a draft, recording each broken one; {@code null} if any was. */
    private static DealTerms validate(DealDraft draft, Validation validation) {
        HotelId hotelId = validation.field("hotel_id", () -> new HotelId(Required.value(draft.hotelId())));
        String roomType = validation.field("room_type", () -> Text.trimmed(draft.roomType(), DealTerms.ROOM_TYPE_MAX));
        Money price = validation.field("price_per_night", () -> new Money(draft.pricePerNight()));
        Money original = validation.field("original_price", () -> new Money(draft.originalPrice()));
        DiscountPercent discount = validation.field("discount_percent",
                () -> draft.discountPercent() == null ? null : new DiscountPercent(draft.discountPercent()));
        LocalDate checkin = validation.field("checkin_date", () -> Stay.supported(Required.value(draft.checkinDate())));
        LocalDate checkout = validation.field("checkout_date", () -> Stay.supported(Required.value(draft.checkoutDate())));
        Categories categories = Categories.parse(draft.categories(), "categories", validation);
        ExternalRef externalRef = validation.field("external_ref", () -> ExternalRef.parseOptional(draft.externalRef()));

        Stay stay = checkin == null || checkout == null ? null
                : validation.field("checkout_date", () -> new Stay(checkin, checkout));
        if (price != null && original != null) {
            validation.check("price_per_night", () -> DealTerms.requirePriceNotAboveOriginal(price, original));
            if (discount != null && !validation.failed("price_per_night")) {
                validation.check("discount_percent", () -> DealTerms.requireDiscountAgrees(discount, price, original));
            }
        }
        if (validation.failedAny()) {
            return null;
        }
        boolean available = draft.available() == null || draft.available();
        DiscountPercent agreed = discount != null ? discount : DiscountPercent.derive(price, original);
        return new DealTerms(hotelId, roomType, price, original, agreed, stay, available, categories, externalRef);
    }

    public DealId id() {
        return id;
    }

    public DealTerms terms() {
        return terms;
    }

    public Version version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
