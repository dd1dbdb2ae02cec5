package io.deals.bootstrap.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"7d, PT168H", "12h, PT12H", "30m, PT30M", "45s, PT45S", "P7D, PT168H", "PT1H30M, PT1H30M", " 2d , PT48H"})
    void reads_short_and_iso_forms(String text, String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "-1d", "PT0S", "P-1D", "7", "7w", "d", "", "1.5h", "07d"})
    void refuses_what_is_not_a_positive_duration(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }
}
