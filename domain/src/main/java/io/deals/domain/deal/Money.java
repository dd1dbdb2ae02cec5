package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;

import java.math.BigDecimal;

/** A positive price with at most two decimals, never above 100000.00; kept at scale 2. */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final BigDecimal MAX = new BigDecimal("100000.00");

    public Money {
        if (amount == null) {
            throw new InvalidValueException("required", "must be given");
        }
        if (amount.signum() <= 0) {
            throw new InvalidValueException("must_be_positive", "must be greater than 0");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidValueException("out_of_range", "must be at most " + MAX.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("too_many_decimals", "must have at most 2 decimals");
        }
        amount = amount.setScale(2);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
