package io.deals.application.deal.port.in;

import io.deals.application.shared.port.in.FieldErrors;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;

import java.util.Objects;

/**
 * Creates a deal; with an idempotency key, a retry returns the deal the first attempt created.
 * {@code fieldErrors} names the fields the caller could not read, reported with the draft's own.
 */
public record CreateDealCommand(DealDraft draft, IdempotencyKey idempotencyKey, FieldErrors fieldErrors) {

    public CreateDealCommand {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(fieldErrors, "fieldErrors");
    }

    public CreateDealCommand(DealDraft draft, IdempotencyKey idempotencyKey) {
        this(draft, idempotencyKey, FieldErrors.NONE);
    }

    public CreateDealCommand(DealDraft draft) {
        this(draft, null);
    }
}
