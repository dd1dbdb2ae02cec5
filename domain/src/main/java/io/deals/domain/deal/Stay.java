package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The nights of a deal: checkout strictly after checkin, at most a year apart. */
public record Stay(LocalDate checkin, LocalDate checkout) {

    public static final int MAX_NIGHTS = 365;

    public Stay {
        Objects.requireNonNull(checkin, "checkin");
        Objects.requireNonNull(checkout, "checkout");
        if (!checkout.isAfter(checkin)) {
            throw new InvalidValueException("checkout_not_after_checkin", "must be after checkin_date");
        }
        if (ChronoUnit.DAYS.between(checkin, checkout) > MAX_NIGHTS) {
            throw new InvalidValueException("stay_too_long", "must be at most " + MAX_NIGHTS + " nights after checkin_date");
        }
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(checkin, checkout);
    }
}
