package io.deals.domain.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as a caller wrote it, before any rule was checked. A {@code null} discount is derived
 * from the prices, a {@code null} availability means available, {@code null} categories none.
 */
public record DealDraft(Long hotelId, String roomType, BigDecimal pricePerNight, BigDecimal originalPrice,
                        Integer discountPercent, LocalDate checkinDate, LocalDate checkoutDate,
                        Boolean available, List<String> categories, String externalRef) {
}
