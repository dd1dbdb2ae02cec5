package io.deals.domain.deal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A price and an original price in cents, price ≤ original, with an integer oracle for the
 * discount rule that does not share any code with {@link DiscountPercent}.
 */
record Prices(long priceCents, long originalCents) {

    static final long MAX_CENTS = 10_000_000;

    /** Every valid pair: amounts of 0.01 to 100000.00 with the price not above the original. */
    static Arbitrary<Prices> valid() {
        return Arbitraries.longs().between(1, MAX_CENTS)
                .flatMap(original -> Arbitraries.longs().between(1, original).map(price -> new Prices(price, original)));
    }

    BigDecimal price() {
        return BigDecimal.valueOf(priceCents, 2);
    }

    BigDecimal original() {
        return BigDecimal.valueOf(originalCents, 2);
    }

    /** 100 × (o − p) / o rounded half up, i.e. ⌊(200 (o − p) + o) / 2o⌋. */
    int roundedDiscount() {
        return (int) ((200 * (originalCents - priceCents) + originalCents) / (2 * originalCents));
    }

    /** |d − 100 (o − p) / o| ≤ 1, i.e. |d·o − 100 (o − p)| ≤ o. */
    boolean withinOnePoint(int discount) {
        return Math.abs(discount * originalCents - 100 * (originalCents - priceCents)) <= originalCents;
    }

    /** Every discount the rule accepts for these prices. */
    List<Integer> agreeingDiscounts() {
        return IntStream.rangeClosed(0, 100).filter(this::withinOnePoint).boxed().toList();
    }
}
