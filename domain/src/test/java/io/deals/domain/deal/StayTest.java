package io.deals.domain.deal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class StayTest {

    private static final LocalDate CHECKIN = LocalDate.of(2024, 1, 1);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 365})
    void counts_the_nights_of_a_stay_up_to_a_year(int nights) {
        assertThat(new Stay(CHECKIN, CHECKIN.plusDays(nights)).nights()).isEqualTo(nights);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejects_checkout_on_or_before_checkin(int nights) {
        assertInvalid(() -> new Stay(CHECKIN, CHECKIN.plusDays(nights)), "checkout_not_after_checkin");
    }

    @Test
    void rejects_a_stay_longer_than_365_nights_even_in_a_leap_year() {
        assertInvalid(() -> new Stay(CHECKIN, CHECKIN.plusYears(1)), "stay_too_long");
    }
}
