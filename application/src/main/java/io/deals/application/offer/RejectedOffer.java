package io.deals.application.offer;

import io.deals.domain.shared.Violation;

import java.util.List;

/** An offer that cannot be applied, and every reason why: it is set aside, never retried. */
public record RejectedOffer(OfferPosition position, List<Violation> reasons) {

    public RejectedOffer {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejected offer has a reason");
        }
    }
}
