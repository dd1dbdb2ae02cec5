package io.deals.bootstrap.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateConverterTest {

    private final RateConverter converter = new RateConverter();

    @ParameterizedTest
    @CsvSource({"500, 500", "500/s, 500", "1, 1", "' 20/s ', 20", "999999999/s, 999999999"})
    void reads_a_number_a_second_with_or_without_its_unit(String text, long expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0/s", "-5", "1.5", "500/m", "500 /s", "/s", "s", "fast", "", "1000000000", "0500"})
    void refuses_what_is_not_a_positive_whole_rate(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("500/s");
    }
}
