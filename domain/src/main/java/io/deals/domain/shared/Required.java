package io.deals.domain.shared;

/** The rule every mandatory input shares: it has to be there. */
public final class Required {

    private Required() {
    }

    public static <T> T value(T value) {
        if (value == null) {
            throw new InvalidValueException("required", "must be given");
        }
        return value;
    }
}
