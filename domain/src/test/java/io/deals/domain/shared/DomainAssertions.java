package io.deals.domain.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Assertions on the domain's rule failures, shared by the test classes of every package. */
public final class DomainAssertions {

    private DomainAssertions() {
    }

    /** Asserts that the call breaks a single-value rule with this code. */
    public static void assertInvalid(ThrowingCallable call, String code) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, call);
        assertThat(e).as("expected an InvalidValueException with code %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
    }

    /** The violations of the ValidationException the call must throw. */
    public static List<Violation> violationsOf(ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call);
        assertThat(e).as("expected a ValidationException").isNotNull();
        assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
        return e.violations();
    }
}
