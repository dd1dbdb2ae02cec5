package io.deals.application.shared.port.in;

import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a request that could not even be read (unknown, read-only, or of the wrong type),
 * carried by a command into its use case, so that one answer names them together with the rules
 * the readable fields break, and a client fixes everything in one round trip.
 */
public record FieldErrors(List<Violation> violations) {

    public static final FieldErrors NONE = new FieldErrors(List.of());

    public FieldErrors {
        violations = List.copyOf(violations);
    }

    /**
     * Does nothing when every field was read. Otherwise runs the domain's (side-effect free)
     * {@code rules} over what was read and throws one {@code ValidationException}: these fields
     * first, then the domain's violations of the other fields (an unreadable field, read as
     * absent, would only be reported again as missing).
     */
    public void throwIfAny(Runnable rules) {
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> all = new ArrayList<>(violations);
        try {
            rules.run();
        } catch (ValidationException domain) {
            Set<String> reported = violations.stream().map(Violation::field).collect(Collectors.toSet());
            domain.violations().stream().filter(v -> !reported.contains(v.field())).forEach(all::add);
        }
        throw new ValidationException(all);
    }
}
