package io.deals.domain.deal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"80, 80.00", "80.5, 80.50", "1.2300, 1.23", "0.01, 0.01", "100000.00, 100000.00", "1E+5, 100000.00"})
    void keeps_amounts_at_scale_two(String raw, String expected) {
        BigDecimal amount = Money.of(raw).amount();

        assertThat(amount.scale()).isEqualTo(2);
        assertThat(amount.toPlainString()).isEqualTo(expected);
    }

    @Test
    void equal_amounts_written_differently_are_equal() {
        assertThat(Money.of("80")).isEqualTo(Money.of("80.00"));
        assertThat(Money.of("80").toString()).isEqualTo("80.00");
    }

    @ParameterizedTest
    @CsvSource({
            "0, must_be_positive",
            "0.00, must_be_positive",
            "-0.01, must_be_positive",
            "100000.01, out_of_range",
            "250000, out_of_range",
            "0.001, too_many_decimals",
            "10.999, too_many_decimals",
    })
    void rejects_amounts_breaking_a_rule(String raw, String code) {
        assertInvalid(() -> Money.of(raw), code);
    }

    @Test
    void requires_an_amount() {
        assertInvalid(() -> new Money(null), "required");
    }

    @Test
    void compares_by_amount() {
        assertThat(Money.of("79.99")).isLessThan(Money.of("80"));
    }
}
