package io.deals.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while an aggregate is built, so that a caller learns about every
 * invalid field at once instead of fixing them one round trip at a time.
 */
public final class Validation {

    private final List<Violation> violations = new ArrayList<>();

    /** Builds one field's value; on a broken rule records it and returns {@code null}. */
    public <T> T field(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            reject(field, e.code(), e.getMessage());
            return null;
        }
    }

    /** Checks a rule that yields nothing, such as one between two already valid fields. */
    public void check(String field, Runnable rule) {
        field(field, () -> {
            rule.run();
            return Boolean.TRUE;
        });
    }

    public void reject(String field, String code, String message) {
        violations.add(new Violation(field, code, message));
    }

    public boolean failed(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean failedAny() {
        return !violations.isEmpty();
    }

    /** What was recorded so far, in order. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
