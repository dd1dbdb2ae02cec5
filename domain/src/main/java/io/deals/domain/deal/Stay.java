package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The nights of a deal: checkout strictly after checkin, at most a year apart. */
public record Stay(LocalDate checkin, LocalDate checkout) {

    public static final int MAX_NIGHTS = 365;
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    public Stay {
        supported(Objects.requireNonNull(checkin, "checkin"));
        supported(Objects.requireNonNull(checkout, "checkout"));
        if (!checkout.isAfter(checkin)) {
            throw new InvalidValueException("checkout_not_after_checkin", "must be after checkin_date");
        }
        if (ChronoUnit.DAYS.between(checkin, checkout) > MAX_NIGHTS) {
            throw new InvalidValueException("stay_too_long", "must be at most " + MAX_NIGHTS + " nights after checkin_date");
        }
    }

    /** A date in the years 1 to 9999: what can be written YYYY-MM-DD and stored. */
    public static LocalDate supported(LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new InvalidValueException("out_of_range", "must be in the years 1 to 9999");
        }
        return date;
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(checkin, checkout);
    }
}
