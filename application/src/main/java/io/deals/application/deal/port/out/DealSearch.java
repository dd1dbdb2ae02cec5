package io.deals.application.deal.port.out;

import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.domain.deal.DealId;

import java.util.List;
import java.util.Optional;

/** Reads deals as views, with their hotel and categories, in a fixed number of statements. */
public interface DealSearch {

    Optional<DealView> find(DealId id);

    /** The deal's price periods, oldest first; empty if there is no such deal. */
    Optional<List<PricePeriod>> priceHistory(DealId id);
}
