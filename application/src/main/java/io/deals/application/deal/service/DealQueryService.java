package io.deals.application.deal.service;

import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.deal.port.in.CategoryCount;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealStatistic;
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

    @Override
    public Page<DealView> list(DealFilter filter, DealSort sort, PageRequest page) {
        return transactions.inTransaction(() -> search.list(filter, sort, page));
    }

    @Override
    public List<DealStatistic> statistics(DealFilter filter, DealStatistic.GroupBy groupBy) {
        return transactions.inTransaction(() -> search.statistics(filter, groupBy));
    }

    @Override
    public List<CategoryCount> categories() {
        return transactions.inTransaction(search::categories);
    }
}
