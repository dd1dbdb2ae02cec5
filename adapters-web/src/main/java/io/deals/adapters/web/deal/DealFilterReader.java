package io.deals.adapters.web.deal;

import io.deals.adapters.web.shared.QueryParams;
import io.deals.application.deal.port.in.DealFilter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Reads the filters {@code GET /deals} and {@code GET /deals/stats} share. */
final class DealFilterReader {

    static final Set<String> PARAMETERS = Set.of("city", "country", "hotel_id", "min_stars", "max_stars", "price_min",
            "price_max", "discount_min", "available", "category", "checkin_from", "checkin_to");

    private DealFilterReader() {
    }

    static DealFilter read(QueryParams params) {
        Integer minStars = params.integer("min_stars", 1, 5);
        Integer maxStars = params.integer("max_stars", 1, 5);
        BigDecimal priceMin = params.decimal("price_min");
        BigDecimal priceMax = params.decimal("price_max");
        LocalDate checkinFrom = params.date("checkin_from");
        LocalDate checkinTo = params.date("checkin_to");
        if (params.all("category").stream().anyMatch(String::isBlank)) {
            params.reject("category", "must not be empty");
        }
        if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
            params.reject("price_min", "must not be above price_max");
        }
        if (minStars != null && maxStars != null && minStars > maxStars) {
            params.reject("min_stars", "must not be above max_stars");
        }
        if (checkinFrom != null && checkinTo != null && checkinFrom.isAfter(checkinTo)) {
            params.reject("checkin_from", "must not be after checkin_to");
        }
        return new DealFilter(params.text("city"), params.text("country"), params.id("hotel_id"), minStars, maxStars,
                priceMin, priceMax, params.integer("discount_min", 0, 100), params.bool("available"),
                params.all("category"), checkinFrom, checkinTo);
    }
}
