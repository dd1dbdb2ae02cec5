package io.deals.adapters.persistence.shared;

import io.deals.application.shared.IdempotentRequest;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.application.shared.port.out.IdempotencyKeys;
import jakarta.inject.Inject;

import java.util.Optional;

public final class MyBatisIdempotencyKeys implements IdempotencyKeys {

    private final IdempotencyKeyMapper mapper;

    @Inject
    MyBatisIdempotencyKeys(IdempotencyKeyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<IdempotentRequest> claim(IdempotencyKey key, long resourceId) {
        if (mapper.claim(key, resourceId) == 1) {
            return Optional.empty();
        }
        return Optional.of(mapper.find(key).orElseThrow(
                () -> new IllegalStateException("idempotency key '" + key.value() + "' is taken but not stored")));
    }
}
