package io.deals.bootstrap.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces turns out to a rate by a schedule: turn {@code n} comes {@code n / rate} seconds after the
 * first, and waiting parks the thread rather than spinning. A turn that came late is made up for
 * by the next ones, so the rate holds on average.
 */
final class Pacer {

    /** Every turn at once. */
    static final Pacer UNLIMITED = new Pacer(0);

    private final double nanosPerTurn;
    private long first;
    private long turns;

    private Pacer(double nanosPerTurn) {
        this.nanosPerTurn = nanosPerTurn;
    }

    /** {@code perSecond} turns a second (at least 1). */
    static Pacer perSecond(long perSecond) {
        return new Pacer(1e9 / perSecond);
    }

    /** Returns when the next turn is due (at once if it is, or if the thread is interrupted). */
    void awaitTurn() {
        if (nanosPerTurn == 0) {
            return;
        }
        long now = System.nanoTime();
        if (turns == 0) {
            first = now;
        }
        long due = first + (long) (turns++ * nanosPerTurn);
        // parkNanos may return early (spuriously, or interrupted): wait again for what is left.
        for (long wait = due - now; wait > 0 && !Thread.currentThread().isInterrupted();
             wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
