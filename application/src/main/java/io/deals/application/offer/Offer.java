package io.deals.application.offer;

import io.deals.application.imports.DealFileRecord;
import io.deals.domain.shared.Violation;

import java.util.List;
import java.util.Objects;

/**
 * One record of the offers topic: where it was read, its fields as an import file's row (its
 * {@code line} the offer's place in its batch) and, when it could not be read as an offer, why not:
 * then its fields are those that could be read, if any.
 */
public record Offer(OfferPosition position, DealFileRecord fields, List<Violation> unreadable) {

    public Offer {
        Objects.requireNonNull(position, "position");
        unreadable = List.copyOf(unreadable);
        if (fields == null && unreadable.isEmpty()) {
            throw new IllegalArgumentException("an offer has its fields or why it could not be read");
        }
    }

    public static Offer of(OfferPosition position, DealFileRecord fields) {
        return new Offer(position, Objects.requireNonNull(fields, "fields"), List.of());
    }

    /** {@code partly}: the fields that could be read, or {@code null} when the record is no JSON object. */
    public static Offer unreadable(OfferPosition position, DealFileRecord partly, List<Violation> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an unreadable offer says why");
        }
        return new Offer(position, partly, reasons);
    }

    public boolean readable() {
        return unreadable.isEmpty();
    }
}
