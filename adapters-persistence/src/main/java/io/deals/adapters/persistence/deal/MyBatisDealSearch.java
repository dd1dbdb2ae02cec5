package io.deals.adapters.persistence.deal;

import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.domain.deal.DealId;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

public final class MyBatisDealSearch implements DealSearch {

    private final DealMapper mapper;

    @Inject
    MyBatisDealSearch(DealMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<DealView> find(DealId id) {
        return mapper.findView(id.value()).map(DealViewRow::toView);
    }

    /** A deal always has its first period, so no rows means no deal. */
    @Override
    public Optional<List<PricePeriod>> priceHistory(DealId id) {
        List<PricePeriod> periods = mapper.priceHistory(id.value());
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods);
    }
}
