package io.deals.application.deal.port.in;

import java.math.BigDecimal;

/** One group of deals: its key (a city, a country, a category or a star rating) and its figures. */
public record DealStatistic(String key, long dealCount, BigDecimal avgPrice, BigDecimal minPrice, BigDecimal maxPrice,
                            BigDecimal avgDiscount) {

    /** What statistics can be grouped by. */
    public enum GroupBy {
        CITY, COUNTRY, CATEGORY, STAR_RATING
    }
}
