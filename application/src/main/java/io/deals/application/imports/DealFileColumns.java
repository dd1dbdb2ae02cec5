package io.deals.application.imports;

import java.util.List;
import java.util.Set;

/** The columns of a deals file, matched by name in any order. */
public final class DealFileColumns {

    public static final String DEAL_ID = "deal_id";
    public static final String HOTEL_NAME = "hotel_name";
    public static final String HOTEL_CITY = "hotel_city";
    public static final String HOTEL_COUNTRY = "hotel_country";
    public static final String HOTEL_PHONE = "hotel_phone";
    public static final String HOTEL_STAR_RATING = "hotel_star_rating";
    public static final String ROOM_TYPE = "room_type";
    public static final String PRICE_PER_NIGHT = "price_per_night";
    public static final String ORIGINAL_PRICE = "original_price";
    public static final String DISCOUNT_PERCENT = "discount_percent";
    public static final String CHECKIN_DATE = "checkin_date";
    public static final String CHECKOUT_DATE = "checkout_date";
    public static final String IS_AVAILABLE = "is_available";
    public static final String CATEGORIES = "categories";
    public static final String CREATED_AT = "created_at";

    /** Every column, in the reference file's order. */
    public static final List<String> ALL = List.of(DEAL_ID, HOTEL_NAME, HOTEL_CITY, HOTEL_COUNTRY, HOTEL_PHONE,
            HOTEL_STAR_RATING, ROOM_TYPE, PRICE_PER_NIGHT, ORIGINAL_PRICE, DISCOUNT_PERCENT, CHECKIN_DATE,
            CHECKOUT_DATE, IS_AVAILABLE, CATEGORIES, CREATED_AT);

    /**
     * The columns a file must have: all but {@code created_at}, which only a deal's creation uses.
     * A column that could be left out would silently reset what an update keeps (a deal's
     * categories, its availability), so absence is refused; a blank value is an explicit choice
     * and takes the API's default: the discount is derived from the prices, a deal is available,
     * has no categories, and was created now.
     */
    public static final Set<String> REQUIRED = Set.copyOf(ALL.stream().filter(c -> !c.equals(CREATED_AT)).toList());

    private DealFileColumns() {
    }
}
