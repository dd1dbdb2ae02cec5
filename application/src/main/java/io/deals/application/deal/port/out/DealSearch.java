package io.deals.application.deal.port.out;

import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.deal.port.in.CategoryCount;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealStatistic;
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

    /** A fixed number of statements whatever the page size: the page on deals first, then its joins. */
    Page<DealView> list(DealFilter filter, DealSort sort, PageRequest page);

    List<DealStatistic> statistics(DealFilter filter, DealStatistic.GroupBy groupBy);

    List<CategoryCount> categories();
}
