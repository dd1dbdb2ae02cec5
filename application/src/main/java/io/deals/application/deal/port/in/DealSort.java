package io.deals.application.deal.port.in;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The orders a listing offers; ties are broken by id in the same direction, so every order is total. */
public record DealSort(Key key, boolean descending) {

    public static final DealSort DEFAULT = new DealSort(Key.ID, false);

    /** The sort keys the API names, each with the deal column it orders by. */
    public enum Key {
        ID("id", deal -> Long.toString(deal.id())),
        PRICE_PER_NIGHT("price_per_night", deal -> deal.pricePerNight().toPlainString()),
        DISCOUNT_PERCENT("discount_percent", deal -> Integer.toString(deal.discountPercent())),
        CHECKIN_DATE("checkin_date", deal -> deal.checkinDate().toString()),
        CREATED_AT("created_at", deal -> deal.createdAt().toString());

        private final String apiName;
        private final Function<DealView, String> value;

        Key(String apiName, Function<DealView, String> value) {
            this.apiName = apiName;
            this.value = value;
        }

        public String apiName() {
            return apiName;
        }

        /** The value this key orders {@code deal} by, in the text form a {@link io.deals.application.shared.port.in.Keyset} keeps. */
        public String valueOf(DealView deal) {
            return value.apply(deal);
        }

        public static Optional<Key> byApiName(String name) {
            return Arrays.stream(values()).filter(k -> k.apiName.equals(name)).findFirst();
        }
    }

    /** {@code price_per_night} or {@code -price_per_night}; empty for anything else. */
    public static Optional<DealSort> parse(String text) {
        boolean descending = text.startsWith("-");
        return Key.byApiName(descending ? text.substring(1) : text).map(key -> new DealSort(key, descending));
    }

    /** As the API writes it: {@code price_per_night} or {@code -price_per_night}. */
    public String apiName() {
        return (descending ? "-" : "") + key.apiName();
    }
}
