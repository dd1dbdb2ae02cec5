package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.Cursors;
import io.deals.adapters.web.shared.Paging;
import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealStatistic;
import io.deals.application.shared.port.in.PageRequest;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code GET /deals} (filter, sort, page), {@code GET /deals/stats} and {@code GET /categories}. */
public final class DealListRoutes implements RouteGroup {

    private static final Set<String> LIST_PARAMETERS =
            QueryParams.names(DealFilterReader.PARAMETERS, Paging.PARAMETERS, Set.of("sort"));
    private static final Set<String> STATS_PARAMETERS = QueryParams.names(DealFilterReader.PARAMETERS, Set.of("group_by"));
    private static final Set<String> REPEATABLE = Set.of("category");

    private final DealQueries queries;
    private final Paging paging;
    private final Responses responses;

    @Inject
    public DealListRoutes(DealQueries queries, Paging paging, Responses responses) {
        this.queries = queries;
        this.paging = paging;
        this.responses = responses;
    }

    @Override
    public void register(Router router) {
        // Before /deals/:id, which would otherwise take "stats" for an id.
        router.get("/deals", this::list);
        router.get("/deals/stats", this::statistics);
        router.get("/categories", this::categories);
    }

    private Object list(Request request, Response response) {
        QueryParams params = new QueryParams(request.raw().getQueryString(), LIST_PARAMETERS, REPEATABLE);
        DealFilter filter = DealFilterReader.read(params);
        String sortText = params.text("sort");
        DealSort sort = sortText == null ? DealSort.DEFAULT : DealSort.parse(sortText).orElse(null);
        if (sort == null) {
            params.reject("sort", "must be one of id, price_per_night, discount_percent, checkin_date, created_at,"
                    + " optionally prefixed with - for descending");
        }
        String binding = Cursors.binding("deals", filter.city(), filter.country(), filter.hotelId(), filter.minStars(),
                filter.maxStars(), filter.priceMin(), filter.priceMax(), filter.discountMin(), filter.available(),
                filter.categories(), filter.checkinFrom(), filter.checkinTo(), sort == null ? null : sort.apiName());
        PageRequest page = paging.read(params, binding);
        return responses.json(response, 200, paging.respond(request, response, page,
                queries.list(filter, sort, page), binding, DealResponse::from));
    }

    private Object statistics(Request request, Response response) {
        QueryParams params = new QueryParams(request.raw().getQueryString(), STATS_PARAMETERS, REPEATABLE);
        DealFilter filter = DealFilterReader.read(params);
        String groupByText = params.text("group_by");
        DealStatistic.GroupBy groupBy = groupBy(groupByText == null ? "city" : groupByText);
        if (groupBy == null) {
            params.reject("group_by", "must be one of city, country, category, star_rating");
        }
        params.throwIfInvalid();
        String keyName = groupBy.name().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> rows = queries.statistics(filter, groupBy).stream().map(statistic -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(keyName, groupBy == DealStatistic.GroupBy.STAR_RATING ? Integer.valueOf(statistic.key()) : statistic.key());
            row.put("deal_count", statistic.dealCount());
            row.put("avg_price", statistic.avgPrice());
            row.put("min_price", statistic.minPrice());
            row.put("max_price", statistic.maxPrice());
            row.put("avg_discount", statistic.avgDiscount());
            return row;
        }).toList();
        return responses.json(response, 200, rows);
    }

    record CategoryItem(String name, long dealCount) {
    }

    record CategoriesResponse(List<CategoryItem> items) {
    }

    private Object categories(Request request, Response response) {
        QueryParams.refuseAny(request);
        return responses.json(response, 200, new CategoriesResponse(queries.categories().stream()
                .map(c -> new CategoryItem(c.name(), c.dealCount())).toList()));
    }

    private static DealStatistic.GroupBy groupBy(String text) {
        for (DealStatistic.GroupBy candidate : DealStatistic.GroupBy.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(text)) {
                return candidate;
            }
        }
        return null;
    }
}
