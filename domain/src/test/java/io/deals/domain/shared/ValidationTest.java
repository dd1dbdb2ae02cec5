package io.deals.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.deals.domain.shared.DomainAssertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ValidationTest {

    private final Validation validation = new Validation();

    private static String broken(String code) {
        throw new InvalidValueException(code, "broken: " + code);
    }

    @Test
    void field_returns_the_built_value_when_the_rule_holds() {
        assertThat(validation.field("name", () -> "Grand")).isEqualTo("Grand");
        assertThat(validation.failedAny()).isFalse();
        assertThatCode(validation::throwIfInvalid).doesNotThrowAnyException();
    }

    @Test
    void field_records_a_broken_rule_under_the_field_name_and_returns_null() {
        assertThat(validation.field("city", () -> broken("too_long"))).isNull();

        assertThat(validation.failed("city")).isTrue();
        assertThat(validation.failed("name")).isFalse();
        assertThat(violationsOf(validation::throwIfInvalid))
                .containsExactly(new Violation("city", "too_long", "broken: too_long"));
    }

    @Test
    void collects_every_violation_before_throwing() {
        validation.field("name", () -> broken("required"));
        validation.check("price_per_night", () -> broken("price_above_original"));
        validation.check("room_type", () -> { });
        validation.reject("is_available", "required", "must be true or false");

        assertThat(violationsOf(validation::throwIfInvalid))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "required"), tuple("price_per_night", "price_above_original"),
                        tuple("is_available", "required"));
    }

    @Test
    void does_not_swallow_other_exceptions() {
        assertThatThrownBy(() -> validation.field("name", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exception_message_counts_distinct_fields() {
        Violation a = new Violation("categories", "too_many", "m");
        Violation b = new Violation("categories", "invalid_format", "m");
        Violation c = new Violation("name", "required", "m");

        assertThat(new ValidationException(List.of(a, b)).getMessage()).isEqualTo("1 field is invalid");
        assertThat(new ValidationException(List.of(a, b, c)).getMessage()).isEqualTo("2 fields are invalid");
        assertThat(ValidationException.of("name", "required", "m").violations()).containsExactly(c);
    }

    @Test
    void exception_without_violations_is_refused() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
