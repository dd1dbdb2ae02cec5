package io.deals.adapters.persistence.deal;

import io.deals.application.deal.port.in.CategoryCount;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealStatistic;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.application.shared.port.in.Keyset;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface DealMapper {

    long nextId();

    Optional<DealRow> find(@Param("id") long id);

    Optional<DealViewRow> findView(@Param("id") long id);

    boolean exists(@Param("id") long id);

    List<PricePeriod> priceHistory(@Param("dealId") long dealId);

    /** Up to {@code limit} deals the filter selects, after {@code after} or {@code offset} rows in. */
    List<DealViewRow> page(@Param("f") DealFilter filter, @Param("categories") String[] categories,
                           @Param("sort") SortSql sort, @Param("after") Keyset after, @Param("limit") int limit,
                           @Param("offset") int offset);

    long count(@Param("f") DealFilter filter, @Param("categories") String[] categories);

    /** {@code groupKey} is one of the constant expressions of {@code MyBatisDealSearch}, never client text. */
    List<DealStatistic> statistics(@Param("f") DealFilter filter, @Param("categories") String[] categories,
                                   @Param("groupKey") String groupKey, @Param("byCategory") boolean byCategory);

    List<CategoryCount> categories();

    void insert(DealRow row);

    int update(@Param("row") DealRow row, @Param("expected") long expected);

    int delete(@Param("id") long id, @Param("expected") long expected);

    /** Creates the categories a deal names that do not exist yet. */
    void insertMissingCategories(@Param("names") String[] names);

    void unlinkCategories(@Param("dealId") long dealId);

    void linkCategories(@Param("dealId") long dealId, @Param("names") String[] names);

    void openPricePeriod(@Param("row") DealRow row, @Param("from") Instant from);

    /** Closes the current price period and opens the next, if the row's prices differ from it. */
    void rollPricePeriod(@Param("row") DealRow row, @Param("at") Instant at);
}
