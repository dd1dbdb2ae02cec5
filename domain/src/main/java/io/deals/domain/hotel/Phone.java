package io.deals.domain.hotel;

import io.deals.domain.shared.InvalidValueException;

import java.util.regex.Pattern;

/** A phone number kept in one canonical form: an optional '+' and 7 to 15 digits. */
public record Phone(String value) {

    private static final Pattern NORMALIZED = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");

    public Phone {
        if (value == null || !NORMALIZED.matcher(value).matches()) {
            throw new InvalidValueException("invalid_format",
                    "must be an optional '+' and 7 to 15 digits (spaces, dashes, dots and parentheses are ignored)");
        }
    }

    /** Accepts the usual ways of writing a number and keeps only its canonical form. */
    public static Phone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("required", "must not be blank");
        }
        return new Phone(SEPARATORS.matcher(raw).replaceAll(""));
    }
}
