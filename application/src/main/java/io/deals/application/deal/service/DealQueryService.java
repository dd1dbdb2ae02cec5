package io.deals.application.deal.service;

import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.DealId;

import java.util.List;
import java.util.Optional;

public final class DealQueryService implements DealQueries {

    private final DealSearch search;
    private final TransactionRunner transactions;

    public DealQueryService(DealSearch search, TransactionRunner transactions) {
        this.search = search;
        this.transactions = transactions;
    }

    @Override
    public Optional<DealView> find(DealId id) {
        return transactions.inTransaction(() -> search.find(id));
    }

    @Override
    public Optional<List<PricePeriod>> priceHistory(DealId id) {
        return transactions.inTransaction(() -> search.priceHistory(id));
    }
}
