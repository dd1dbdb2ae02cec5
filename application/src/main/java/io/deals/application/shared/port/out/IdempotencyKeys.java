package io.deals.application.shared.port.out;

import io.deals.application.shared.IdempotentRequest;
import io.deals.application.shared.port.in.IdempotencyKey;

import java.util.Optional;

/** The idempotency keys of create requests, kept in the same transaction as what they created. */
public interface IdempotencyKeys {

    /**
     * Claims the key for the resource about to be created. Empty when the key was free (it is now
     * this transaction's); otherwise the earlier request that holds it. A concurrent claim of the
     * same key waits for the other transaction, so two retries never both create.
     */
    Optional<IdempotentRequest> claim(IdempotencyKey key, long resourceId);
}
