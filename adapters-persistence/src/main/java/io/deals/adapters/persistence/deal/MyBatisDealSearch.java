package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.shared.Pages;
import io.deals.application.deal.port.in.CategoryCount;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealStatistic;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
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

    @Override
    public Page<DealView> list(DealFilter filter, DealSort sort, PageRequest page) {
        String[] categories = filter.categories().toArray(String[]::new);
        List<DealView> rows = mapper.page(filter, categories, SortSql.of(sort), page.after(), page.limit() + 1,
                page.offset()).stream().map(DealViewRow::toView).toList();
        return Pages.of(rows, page, last -> new Keyset(sort.key().valueOf(last), last.id()),
                () -> mapper.count(filter, categories));
    }

    @Override
    public List<DealStatistic> statistics(DealFilter filter, DealStatistic.GroupBy groupBy) {
        String groupKey = switch (groupBy) {
            case CITY -> "h.city";
            case COUNTRY -> "h.country";
            case CATEGORY -> "gc.name";
            case STAR_RATING -> "h.star_rating::text";
        };
        return mapper.statistics(filter, filter.categories().toArray(String[]::new), groupKey,
                groupBy == DealStatistic.GroupBy.CATEGORY);
    }

    @Override
    public List<CategoryCount> categories() {
        return mapper.categories();
    }

    /** A deal always has its first period, so no rows means no deal. */
    @Override
    public Optional<List<PricePeriod>> priceHistory(DealId id) {
        List<PricePeriod> periods = mapper.priceHistory(id.value());
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods);
    }
}
