package io.deals.application.deal.port.in;

import java.math.BigDecimal;
import java.time.Instant;

/** One period of a deal's prices; the current one has no end ({@code validTo} is null). */
public record PricePeriod(BigDecimal pricePerNight, BigDecimal originalPrice, int discountPercent, Instant validFrom,
                          Instant validTo) {
}
