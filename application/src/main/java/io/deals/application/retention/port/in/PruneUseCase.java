package io.deals.application.retention.port.in;

/** Deletes what is kept only for a while: published events past their retention, expired idempotency keys. */
public interface PruneUseCase {

    PruneReport prune();
}
