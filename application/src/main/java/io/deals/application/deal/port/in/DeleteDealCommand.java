package io.deals.application.deal.port.in;

import io.deals.domain.deal.DealId;
import io.deals.domain.shared.Version;

import java.util.Objects;

/** Deletes a deal; with an {@code expectedVersion} only while it is still at that version. */
public record DeleteDealCommand(DealId id, Version expectedVersion) {

    public DeleteDealCommand {
        Objects.requireNonNull(id, "id");
    }

    public static DeleteDealCommand unconditional(DealId id) {
        return new DeleteDealCommand(id, null);
    }
}
