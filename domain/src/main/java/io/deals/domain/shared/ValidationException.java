package io.deals.domain.shared;

import java.util.List;

/** Every rule an input breaks, reported at once. */
public final class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("VALIDATION_FAILED", summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new Violation(field, code, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        long fields = violations.stream().map(Violation::field).distinct().count();
        return fields == 1 ? "1 field is invalid" : fields + " fields are invalid";
    }
}
