package io.deals.adapters.web.shared;

import java.time.LocalDate;

/** The dates the API reads: ISO years 1 to 9999, what a client can write as YYYY-MM-DD and PostgreSQL store. */
final class Dates {

    private Dates() {
    }

    /** The date itself if it is in range, else {@code null} (read as a type problem by the callers). */
    static LocalDate supported(LocalDate date) {
        return date.getYear() >= 1 && date.getYear() <= 9999 ? date : null;
    }
}
