package io.deals.application.deal.port.in;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a listing or a statistic selects; every criterion is optional ({@code null}) and they
 * combine with AND. {@code city} and {@code country} match case-insensitively, trimmed;
 * {@code categories} match a deal that has any of them.
 */
public record DealFilter(String city, String country, Long hotelId, Integer minStars, Integer maxStars,
                         BigDecimal priceMin, BigDecimal priceMax, Integer discountMin, Boolean available,
                         List<String> categories, LocalDate checkinFrom, LocalDate checkinTo) {

    public static final DealFilter ALL = new DealFilter(null, null, null, null, null, null, null, null, null,
            List.of(), null, null);

    /** Category names are matched as stored: trimmed, lower case; duplicates and order do not matter. */
    public DealFilter {
        categories = categories == null ? List.of()
                : categories.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }
}
