package io.deals.adapters.persistence.deal;

import io.deals.application.deal.port.in.DealSort;

/**
 * The SQL pieces of a sort, taken only from the constants here: nothing a client writes is ever
 * spliced into a statement.
 */
record SortSql(String column, String type, String direction, String after) {

    static SortSql of(DealSort sort) {
        String column = switch (sort.key()) {
            case ID -> "id";
            case PRICE_PER_NIGHT -> "price_per_night";
            case DISCOUNT_PERCENT -> "discount_percent";
            case CHECKIN_DATE -> "checkin_date";
            case CREATED_AT -> "created_at";
        };
        String type = switch (sort.key()) {
            case ID -> "bigint";
            case PRICE_PER_NIGHT -> "numeric";
            case DISCOUNT_PERCENT -> "smallint";
            case CHECKIN_DATE -> "date";
            case CREATED_AT -> "timestamptz";
        };
        return sort.descending() ? new SortSql(column, type, "DESC", "<") : new SortSql(column, type, "ASC", ">");
    }

}
