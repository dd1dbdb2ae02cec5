package io.deals.application.event.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a relay stands, as its process sees it.
 *
 * @param position        every event up to this {@code seq} has been published
 * @param unpublished     events recorded after {@code position}: the relay's lag
 * @param brokerReachable whether the broker answered lately
 * @param lastError       what went wrong last, if the relay has not succeeded since
 */
public record RelayStatus(Role role, long position, long unpublished, boolean brokerReachable,
                          Optional<String> lastError) {

    /** Exactly one relay per name leads (publishes); the others stand by to take over. */
    public enum Role { LEADER, STANDBY }

    public RelayStatus {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lastError, "lastError");
    }
}
