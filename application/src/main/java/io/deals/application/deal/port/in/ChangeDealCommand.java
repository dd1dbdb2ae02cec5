package io.deals.application.deal.port.in;

import io.deals.application.shared.port.in.FieldErrors;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.shared.Version;

import java.util.Objects;

/**
 * A partial change, accepted only while the deal is still at {@code expectedVersion}.
 * {@code fieldErrors} names the fields the caller could not read, reported with the patch's own.
 */
public record ChangeDealCommand(DealId id, Version expectedVersion, DealPatch patch, FieldErrors fieldErrors) {

    public ChangeDealCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "a change needs the version it was made from");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(fieldErrors, "fieldErrors");
    }

    public ChangeDealCommand(DealId id, Version expectedVersion, DealPatch patch) {
        this(id, expectedVersion, patch, FieldErrors.NONE);
    }
}
