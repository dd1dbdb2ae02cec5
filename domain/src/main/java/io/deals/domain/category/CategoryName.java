package io.deals.domain.category;

import io.deals.domain.shared.InvalidValueException;
import io.deals.domain.shared.Text;

import java.util.Locale;
import java.util.regex.Pattern;

/** A category tag, stored lower-cased: letters and decimal digits (not ² or ½), single inner spaces or hyphens. */
public record CategoryName(String value) implements Comparable<CategoryName> {

    public static final int MAX_LENGTH = 40;

    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{Nd}]+(?:[ -][\\p{L}\\p{Nd}]+)*");

    public CategoryName {
        Text.requireNormalized(value, MAX_LENGTH);
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidValueException("invalid_format", "must be lower case");
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("invalid_format",
                    "must be letters and digits, with single spaces or hyphens between them");
        }
    }

    /** Trims and lower-cases what a caller wrote, then checks it. */
    public static CategoryName parse(String raw) {
        return new CategoryName(Text.trimmed(raw, MAX_LENGTH).toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(CategoryName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
