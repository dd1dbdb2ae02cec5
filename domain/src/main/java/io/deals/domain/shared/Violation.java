package io.deals.domain.shared;

import java.util.Objects;

/** One broken rule on one field: the field's API name, a stable code and a readable message. */
public record Violation(String field, String code, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
