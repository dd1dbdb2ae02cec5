package io.deals.application.deal.port.in;

import io.deals.domain.deal.DealId;

import java.util.List;
import java.util.Optional;

/** The read side for deals. */
public interface DealQueries {

    Optional<DealView> find(DealId id);

    /** The deal's price periods, oldest first; empty if there is no such deal. */
    Optional<List<PricePeriod>> priceHistory(DealId id);
}
