package io.deals.domain.shared;

/** Rules shared by the free-text fields: trimmed, present and not longer than a limit. */
public final class Text {

    private Text() {
    }

    /** The trimmed text, or an {@link InvalidValueException} if it is missing or too long. */
    public static String trimmed(String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("required", "must not be blank");
        }
        String text = raw.strip();
        requireNoNul(text);
        requireAtMost(text, maxLength);
        return text;
    }

    /** Checks an already normalized text, as value objects do in their constructors. */
    public static void requireNormalized(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("required", "must not be blank");
        }
        if (!text.equals(text.strip())) {
            throw new InvalidValueException("invalid_format", "must not start or end with spaces");
        }
        requireNoNul(text);
        requireAtMost(text, maxLength);
    }

    /** PostgreSQL cannot store a NUL character in text, and no name needs one. */
    private static void requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new InvalidValueException("invalid_format", "must not contain NUL characters");
        }
    }

    private static void requireAtMost(String text, int maxLength) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException("too_long", "must be at most " + maxLength + " characters");
        }
    }
}
