package io.deals.application.retention.port.out;

import java.time.Instant;

/** Deletes old records a batch at a time, each batch its own short transaction. */
public interface Pruning {

    /**
     * Deletes up to {@code batch} of the oldest events, stopping at the first that occurred at or
     * after {@code before} or that a relay has not published, so that what is kept is always the
     * feed from some {@code seq} on; records the highest {@code seq} deleted, so that a reader
     * positioned before it learns that it missed some. Returns how many were deleted.
     */
    int deleteEvents(Instant before, int batch);

    /** Deletes up to {@code batch} idempotency keys created before {@code before}; returns how many. */
    int deleteIdempotencyKeys(Instant before, int batch);
}
