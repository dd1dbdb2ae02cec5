package io.deals.application.health.service;

import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.in.HealthReport;
import io.deals.application.health.port.out.StorageProbe;
import io.deals.application.offer.port.in.OfferQueries;

import java.util.Optional;

public final class HealthQueryService implements HealthQueries {

    private final StorageProbe storage;
    private final Optional<RelayQueries> relay;
    private final Optional<OfferQueries> offers;

    /**
     * {@code relay} is empty when this process relays no events (no broker configured), {@code offers}
     * when it consumes no offers.
     */
    public HealthQueryService(StorageProbe storage, Optional<RelayQueries> relay, Optional<OfferQueries> offers) {
        this.storage = storage;
        this.relay = relay;
        this.offers = offers;
    }

    @Override
    public HealthReport check() {
        return new HealthReport(storage.answers(), relay.map(RelayQueries::status),
                offers.map(OfferQueries::status));
    }
}
