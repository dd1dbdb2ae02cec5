package io.deals.application.event.port.out;

import java.time.Duration;

/** Told what a relay does, to log it and count it; the application itself logs nothing. */
public interface RelayMonitor {

    /** Relay {@code relay} took the lease and publishes from {@code position}. */
    void leading(String relay, long position);

    /** Relay {@code relay} lost its lease, stopped publishing and stands by. */
    void leaseLost(String relay, RuntimeException cause);

    /** The broker acknowledged {@code events} more events; the stored position is now {@code position}. */
    void published(String relay, int events, long position);

    /** Publishing (or reading what to publish) failed; the relay tries again from its stored position after {@code retryIn}. */
    void failed(String relay, RuntimeException cause, Duration retryIn);
}
