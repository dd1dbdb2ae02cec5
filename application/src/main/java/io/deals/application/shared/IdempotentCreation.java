package io.deals.application.shared;

import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.domain.shared.NotFoundException;

import java.util.Optional;
import java.util.function.LongFunction;

/** The retry side of a create: what the first request under the same key created, if any. */
public final class IdempotentCreation {

    private final IdempotencyKeys keys;

    public IdempotentCreation(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Claims {@code key} (when there is one) for {@code newId}, inside the caller's transaction.
     * Returns the resource an earlier request created under it, or empty if this request is the first.
     */
    public <T> Optional<T> earlierResult(IdempotencyKey key, long newId, String resource,
                                         LongFunction<Optional<T>> find) {
        if (key == null) {
            return Optional.empty();
        }
        return keys.claim(key, newId).map(earlier -> {
            if (!earlier.fingerprint().equals(key.fingerprint())) {
                throw new IdempotencyKeyReusedException(key.value());
            }
            return find.apply(earlier.resourceId())
                    .orElseThrow(() -> new NotFoundException(resource, earlier.resourceId()));
        });
    }
}
