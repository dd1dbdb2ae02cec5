package io.deals.application.offer;

import io.deals.application.imports.DealFileRecord;
import io.deals.domain.shared.Violation;

import java.util.List;
import java.util.Objects;

/**
 * One record of the offers topic: where it was read, and either its fields as an import file's row
 * (its {@code line} the offer's place in its batch) or, when it could not even be read as an offer,
 * why not.
 */
public record Offer(OfferPosition position, DealFileRecord fields, List<Violation> unreadable) {

    public Offer {
        Objects.requireNonNull(position, "position");
        unreadable = List.copyOf(unreadable);
        if ((fields == null) == unreadable.isEmpty()) {
            throw new IllegalArgumentException("an offer has either its fields or why it could not be read");
        }
    }

    public static Offer of(OfferPosition position, DealFileRecord fields) {
        return new Offer(position, Objects.requireNonNull(fields, "fields"), List.of());
    }

    public static Offer unreadable(OfferPosition position, List<Violation> reasons) {
        return new Offer(position, null, reasons);
    }

    public boolean readable() {
        return fields != null;
    }
}
