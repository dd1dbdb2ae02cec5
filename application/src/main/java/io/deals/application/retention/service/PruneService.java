package io.deals.application.retention.service;

import io.deals.application.retention.port.in.PruneReport;
import io.deals.application.retention.port.in.PruneUseCase;
import io.deals.application.retention.port.out.Pruning;
import io.deals.application.shared.port.out.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * Deletes in small batches, so that no transaction holds many row locks or a long snapshot, and
 * stops after a bounded number per run: a backlog is worked off over a few runs, not in one.
 */
public final class PruneService implements PruneUseCase {

    /** Idempotency keys answer retries for 24 hours. */
    public static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);

    static final int BATCH = 1_000;
    static final int MAX_BATCHES_PER_RUN = 100;

    private final Pruning pruning;
    private final Clock clock;
    private final Duration eventRetention;

    public PruneService(Pruning pruning, Clock clock, Duration eventRetention) {
        if (eventRetention.isNegative() || eventRetention.isZero()) {
            throw new IllegalArgumentException("the event retention must be positive: " + eventRetention);
        }
        this.pruning = pruning;
        this.clock = clock;
        this.eventRetention = eventRetention;
    }

    @Override
    public PruneReport prune() {
        Instant now = clock.now();
        long events = inBatches(batch -> pruning.deleteEvents(now.minus(eventRetention), batch));
        long keys = inBatches(batch -> pruning.deleteIdempotencyKeys(now.minus(IDEMPOTENCY_KEY_LIFETIME), batch));
        return new PruneReport(events, keys);
    }

    private static long inBatches(IntUnaryOperator deleteBatch) {
        long deleted = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int n = deleteBatch.applyAsInt(BATCH);
            deleted += n;
            if (n < BATCH) {
                break;
            }
        }
        return deleted;
    }
}
