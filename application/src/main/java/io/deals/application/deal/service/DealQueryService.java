package io.deals.application.deal.service;

import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.domain.deal.DealId;

import java.util.Optional;

public final class DealQueryService implements DealQueries {

    private final DealSearch search;

    public DealQueryService(DealSearch search) {
        this.search = search;
    }

    @Override
    public Optional<DealView> find(DealId id) {
        return search.find(id);
    }
}
