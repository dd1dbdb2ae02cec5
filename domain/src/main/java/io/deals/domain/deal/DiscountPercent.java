package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A whole-number discount, 0 to 100, that must agree with the prices it describes. */
public record DiscountPercent(int value) {

    /** How far a given discount may stray from the exact one (rounding in the caller's favour). */
    public static final BigDecimal TOLERANCE = BigDecimal.ONE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public DiscountPercent {
        if (value < 0 || value > 100) {
            throw new InvalidValueException("out_of_range", "must be between 0 and 100");
        }
    }

    /** 100 × (1 − price / original), rounded half up. */
    public static DiscountPercent derive(Money price, Money original) {
        return new DiscountPercent(exact(price, original).setScale(0, RoundingMode.HALF_UP).intValueExact());
    }

    public boolean agreesWith(Money price, Money original) {
        return BigDecimal.valueOf(value).subtract(exact(price, original)).abs().compareTo(TOLERANCE) <= 0;
    }

    private static BigDecimal exact(Money price, Money original) {
        BigDecimal saved = original.amount().subtract(price.amount()).multiply(HUNDRED);
        return saved.divide(original.amount(), 10, RoundingMode.HALF_UP);
    }
}
