package io.deals.adapters.web.shared;

import io.deals.domain.shared.PatchValue;

/**
 * One field of a JSON object as read: absent, {@code null}, or a value of its documented type.
 * A merge patch tells the three apart (absent keeps, null removes); a request DTO holds these,
 * so that no domain type enters it, and hands them to its command as {@link #toPatchValue()}.
 */
public record JsonField<T>(boolean present, T value) {

    private static final JsonField<?> ABSENT = new JsonField<>(false, null);

    public JsonField {
        if (!present && value != null) {
            throw new IllegalArgumentException("an absent field has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> absent() {
        return (JsonField<T>) ABSENT;
    }

    public static <T> JsonField<T> of(T valueOrNull) {
        return new JsonField<>(true, valueOrNull);
    }

    public PatchValue<T> toPatchValue() {
        return present ? PatchValue.of(value) : PatchValue.absent();
    }
}
