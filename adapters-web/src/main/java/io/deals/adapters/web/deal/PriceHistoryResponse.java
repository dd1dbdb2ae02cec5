package io.deals.adapters.web.deal;

import io.deals.application.shared.Timestamps;
import io.deals.application.deal.port.in.PricePeriod;

import java.math.BigDecimal;
import java.util.List;

/** A deal's price periods, oldest first; the current one has {@code valid_to: null}. */
record PriceHistoryResponse(List<Item> items) {

    record Item(BigDecimal pricePerNight, BigDecimal originalPrice, int discountPercent, String validFrom,
                String validTo) {

        static Item from(PricePeriod period) {
            return new Item(period.pricePerNight(), period.originalPrice(), period.discountPercent(),
                    Timestamps.format(period.validFrom()),
                    period.validTo() == null ? null : Timestamps.format(period.validTo()));
        }
    }

    static PriceHistoryResponse from(List<PricePeriod> periods) {
        return new PriceHistoryResponse(periods.stream().map(Item::from).toList());
    }
}
