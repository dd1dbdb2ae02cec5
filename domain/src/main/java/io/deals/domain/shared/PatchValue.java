package io.deals.domain.shared;

/**
 * One field of a JSON merge patch (RFC 7396): either absent (keep the current value) or
 * present with a new value, where a present {@code null} means "remove".
 */
public record PatchValue<T>(boolean present, T value) {

    private static final PatchValue<?> ABSENT = new PatchValue<>(false, null);

    public PatchValue {
        if (!present && value != null) {
            throw new IllegalArgumentException("an absent patch value has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> PatchValue<T> absent() {
        return (PatchValue<T>) ABSENT;
    }

    public static <T> PatchValue<T> of(T valueOrNull) {
        return new PatchValue<>(true, valueOrNull);
    }

    /** The new value if present, otherwise the current one. */
    public T orElse(T current) {
        return present ? value : current;
    }
}
