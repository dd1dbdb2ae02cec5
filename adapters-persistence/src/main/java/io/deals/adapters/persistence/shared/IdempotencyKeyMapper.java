package io.deals.adapters.persistence.shared;

import io.deals.application.shared.IdempotentRequest;
import io.deals.application.shared.port.in.IdempotencyKey;
import org.apache.ibatis.annotations.Param;

import java.util.Optional;

public interface IdempotencyKeyMapper {

    /** 1 if the key was free and is now claimed, 0 if another request holds it. */
    int claim(@Param("key") IdempotencyKey key, @Param("resourceId") long resourceId);

    Optional<IdempotentRequest> find(@Param("key") IdempotencyKey key);
}
