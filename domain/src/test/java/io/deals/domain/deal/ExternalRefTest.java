package io.deals.domain.deal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class ExternalRefTest {

    @Test
    void absent_reference_is_none() {
        assertThat(ExternalRef.parseOptional(null)).isNull();
    }

    @Test
    void trims_the_reference() {
        assertThat(ExternalRef.parseOptional("  BK-123/x ").value()).isEqualTo("BK-123/x");
    }

    @Test
    void accepts_64_characters_and_rejects_65() {
        assertThat(ExternalRef.parseOptional("r".repeat(64)).value()).hasSize(64);
        assertInvalid(() -> ExternalRef.parseOptional("r".repeat(65)), "too_long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejects_a_blank_reference(String raw) {
        assertInvalid(() -> ExternalRef.parseOptional(raw), "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BK\t1", "BK\n1", "BK\u00001"})
    void rejects_control_characters(String raw) {
        assertInvalid(() -> ExternalRef.parseOptional(raw), "invalid_format");
    }
}
