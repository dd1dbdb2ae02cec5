package io.deals.application.event.port.out;

/** Tells when events may have been appended to the feed, so that readers need not poll it. */
public interface EventSignals {

    /**
     * Calls {@code appended} (on a thread of the adapter's; it must return quickly) after transactions
     * that appended events commit, and also whenever signals may have been missed, such as after
     * reconnecting. A signal may stand for several commits, or none.
     */
    Listening listen(Runnable appended);

    /** Signals until closed. */
    interface Listening extends AutoCloseable {

        @Override
        void close();
    }
}
