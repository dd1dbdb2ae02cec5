package io.deals.application.deal.port.in;

import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;

/** Creates a deal; with an idempotency key, a retry returns the deal the first attempt created. */
public record CreateDealCommand(DealDraft draft, IdempotencyKey idempotencyKey) {

    public CreateDealCommand(DealDraft draft) {
        this(draft, null);
    }
}
