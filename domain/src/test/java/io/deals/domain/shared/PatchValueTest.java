package io.deals.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchValueTest {

    @Test
    void absent_keeps_the_current_value() {
        assertThat(PatchValue.<String>absent().orElse("current")).isEqualTo("current");
        assertThat(PatchValue.absent().present()).isFalse();
    }

    @Test
    void present_replaces_the_current_value_even_with_null() {
        assertThat(PatchValue.of("new").orElse("current")).isEqualTo("new");
        assertThat(PatchValue.<String>of(null).orElse("current")).isNull();
        assertThat(PatchValue.of(null).present()).isTrue();
    }

    @Test
    void rejects_an_absent_value_carrying_a_value() {
        assertThatThrownBy(() -> new PatchValue<>(false, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
