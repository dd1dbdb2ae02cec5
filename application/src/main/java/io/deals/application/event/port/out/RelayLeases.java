package io.deals.application.event.port.out;

import java.util.Optional;

/**
 * Who may relay the events to a destination: one relay at a time per name, across every process on
 * the database, and where it stands.
 */
public interface RelayLeases {

    /**
     * The lease of relay {@code name} when no one else holds it, else empty. A relay's first lease
     * records it at position 0, so that retention keeps every event it has not published yet.
     */
    Optional<RelayLease> tryAcquire(String name);

    /** The position stored for relay {@code name}, 0 before its first lease; readable without the lease. */
    long position(String name);
}
