package io.deals.application.offer.port.out;

import java.time.Duration;

/** Told what the offer consumer does, to log and count it; the application itself keeps no figures. */
public interface OfferMonitor {

    /** A batch was committed: offers that changed a deal, that changed nothing, that were set aside. */
    void applied(long applied, long unchanged, long deadLettered);

    /** A batch failed and will be read again from the stored positions after {@code retryIn}. */
    void failed(RuntimeException cause, Duration retryIn);

    /** The consumer stopped for good, by a failure it cannot retry; the server needs a restart. */
    void stopped(Throwable cause);

    /** A batch was not applied because another consumer took a partition of it over. */
    void overtaken(RuntimeException cause);
}
