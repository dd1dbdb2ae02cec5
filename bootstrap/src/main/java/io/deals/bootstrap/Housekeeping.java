package io.deals.bootstrap;

import io.deals.application.retention.port.in.PruneReport;
import io.deals.application.retention.port.in.PruneUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prunes expired events and idempotency keys once a minute while the server runs. */
final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deals-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(PruneUseCase prune) {
        scheduler.scheduleWithFixedDelay(() -> run(prune), EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private static void run(PruneUseCase prune) {
        try {
            PruneReport pruned = prune.prune();
            if (pruned.events() + pruned.idempotencyKeys() > 0) {
                LOG.info("Pruned {} events and {} idempotency keys", pruned.events(), pruned.idempotencyKeys());
            }
        } catch (RuntimeException e) {
            // A database that is away is retried at the next run; nothing is lost by waiting.
            LOG.warn("Pruning failed, retrying in {} s: {}", EVERY.toSeconds(), e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
