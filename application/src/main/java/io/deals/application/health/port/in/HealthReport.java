package io.deals.application.health.port.in;

import io.deals.application.event.port.in.RelayStatus;
import io.deals.application.offer.port.in.OfferIngestionStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the service can work: it is up when the database answers. The event relay and the offer
 * consumer, when there are, are reported beside it but never take the service down: a broker that
 * is away only delays the events, which wait in the outbox, and the offers, which wait in their topic.
 */
public record HealthReport(boolean databaseUp, Optional<RelayStatus> relay, Optional<OfferIngestionStatus> offers) {

    public HealthReport {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(offers, "offers");
    }

    public boolean up() {
        return databaseUp;
    }
}
