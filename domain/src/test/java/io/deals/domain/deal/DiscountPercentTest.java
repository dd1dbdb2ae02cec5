package io.deals.domain.deal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class DiscountPercentTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void accepts_zero_to_hundred(int value) {
        assertThat(new DiscountPercent(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void rejects_values_outside_zero_to_hundred(int value) {
        assertInvalid(() -> new DiscountPercent(value), "out_of_range");
    }

    @ParameterizedTest
    @CsvSource({
            "80.00, 100.00, 20",
            "87.50, 100.00, 13",
            "87.51, 100.00, 12",
            "2.00, 3.00, 33",
            "1.00, 3.00, 67",
            "100.00, 100.00, 0",
            "0.01, 100000.00, 100",
    })
    void derive_rounds_the_exact_discount_half_up(String price, String original, int expected) {
        assertThat(DiscountPercent.derive(Money.of(price), Money.of(original)).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "80.00, 100.00, 19, true",
            "80.00, 100.00, 21, true",
            "80.00, 100.00, 18, false",
            "80.00, 100.00, 22, false",
            "2.00, 3.00, 34, true",
            "2.00, 3.00, 32, false",
            "87.50, 100.00, 12, true",
            "87.50, 100.00, 11, false",
    })
    void agrees_with_the_prices_within_one_point(String price, String original, int value, boolean agrees) {
        assertThat(new DiscountPercent(value).agreesWith(Money.of(price), Money.of(original))).isEqualTo(agrees);
    }
}
