package io.deals.application.deal.port.in;

import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.deal.DealId;

import java.util.List;
import java.util.Optional;

/** The read side for deals. */
public interface DealQueries {

    Optional<DealView> find(DealId id);

    /** The deal's price periods, oldest first; empty if there is no such deal. */
    Optional<List<PricePeriod>> priceHistory(DealId id);

    /** A page of the deals the filter selects, in the sort's order, each with its hotel and categories. */
    Page<DealView> list(DealFilter filter, DealSort sort, PageRequest page);

    /** The selected deals grouped, by deal count descending then key ascending. */
    List<DealStatistic> statistics(DealFilter filter, DealStatistic.GroupBy groupBy);

    /** Every category that tags at least one deal, by name. */
    List<CategoryCount> categories();
}
