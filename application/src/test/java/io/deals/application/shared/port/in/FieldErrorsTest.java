package io.deals.application.shared.port.in;

import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FieldErrorsTest {

    private static final Violation NAME_MISTYPED = new Violation("name", "invalid_type", "must be a string");
    private static final Violation COLOUR_UNKNOWN = new Violation("colour", "unknown_field", "is not a field");

    private static Runnable breaking(Violation... violations) {
        return () -> {
            throw new ValidationException(List.of(violations));
        };
    }

    @Test
    void none_neither_throws_nor_runs_the_rules() {
        AtomicBoolean ran = new AtomicBoolean();

        FieldErrors.NONE.throwIfAny(() -> ran.set(true));

        assertThat(ran).isFalse();
    }

    @Test
    void names_the_unreadable_fields_first_then_the_rules_the_other_fields_break() {
        FieldErrors errors = new FieldErrors(List.of(NAME_MISTYPED, COLOUR_UNKNOWN));

        assertThatThrownBy(() -> errors.throwIfAny(breaking(new Violation("name", "required", "must be given"),
                new Violation("price", "must_be_positive", "must be greater than 0"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                            tuple("name", "invalid_type"),
                            tuple("colour", "unknown_field"),
                            tuple("price", "must_be_positive"));
                    assertThat(e.getMessage()).isEqualTo("3 fields are invalid");
                });
    }

    @Test
    void throws_the_unreadable_fields_alone_when_the_rules_hold() {
        FieldErrors errors = new FieldErrors(List.of(NAME_MISTYPED));

        assertThatThrownBy(() -> errors.throwIfAny(() -> { }))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations()).containsExactly(NAME_MISTYPED));
    }
}
