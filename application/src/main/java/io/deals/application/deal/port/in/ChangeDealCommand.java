package io.deals.application.deal.port.in;

import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.shared.Version;

import java.util.Objects;

/** A partial change, accepted only while the deal is still at {@code expectedVersion}. */
public record ChangeDealCommand(DealId id, Version expectedVersion, DealPatch patch) {

    public ChangeDealCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "a change needs the version it was made from");
        Objects.requireNonNull(patch, "patch");
    }
}
