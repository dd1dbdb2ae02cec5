package io.deals.application.health.port.in;

import io.deals.application.event.port.in.RelayStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the service can work: it is up when the database answers. The event relay, when there is
 * one, is reported beside it but never takes the service down: a broker that is away only delays
 * the events, which wait in the outbox.
 */
public record HealthReport(boolean databaseUp, Optional<RelayStatus> relay) {

    public HealthReport {
        Objects.requireNonNull(relay, "relay");
    }

    public boolean up() {
        return databaseUp;
    }
}
