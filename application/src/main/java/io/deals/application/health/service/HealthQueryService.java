package io.deals.application.health.service;

import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.in.HealthReport;
import io.deals.application.health.port.out.StorageProbe;

import java.util.Optional;

public final class HealthQueryService implements HealthQueries {

    private final StorageProbe storage;
    private final Optional<RelayQueries> relay;

    /** {@code relay} is empty when this process relays no events (no broker configured). */
    public HealthQueryService(StorageProbe storage, Optional<RelayQueries> relay) {
        this.storage = storage;
        this.relay = relay;
    }

    @Override
    public HealthReport check() {
        return new HealthReport(storage.answers(), relay.map(RelayQueries::status));
    }
}
