package io.deals.domain.shared;

import org.junit.jupiter.api.Test;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionTest {

    @Test
    void starts_at_one_and_rejects_lower_values() {
        assertThat(Version.INITIAL.value()).isEqualTo(1);
        assertInvalid(() -> new Version(0), "out_of_range");
    }

    @Test
    void require_expected_accepts_the_current_version() {
        assertThatCode(() -> new Version(3).requireExpected(new Version(3), "deal", 9)).doesNotThrowAnyException();
    }

    @Test
    void require_expected_refuses_another_version() {
        VersionConflictException e = catchThrowableOfType(VersionConflictException.class,
                () -> new Version(3).requireExpected(new Version(2), "deal", 9));

        assertThat(e.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(e.expected()).isEqualTo(new Version(2));
        assertThat(e.getMessage()).isEqualTo("deal 9 is no longer at version 2");
    }
}
