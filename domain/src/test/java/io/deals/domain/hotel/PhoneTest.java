package io.deals.domain.hotel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class PhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+1 (416) 555-0100 | +14165550100",
            "416.555.0100      | 4165550100",
            "' 555 0100 '     | 5550100",
            "+123456789012345  | +123456789012345",
    })
    void parse_removes_separators_and_keeps_the_canonical_form(String raw, String normalized) {
        assertThat(Phone.parse(raw).value()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"555010", "1234567890123456", "+1 416 CALL-NOW", "1+4165550100", "++4165550100",
            "416/555/0100", "()"})
    void parse_rejects_anything_but_an_optional_plus_and_7_to_15_digits(String raw) {
        assertInvalid(() -> Phone.parse(raw), "invalid_format");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void parse_requires_a_number(String raw) {
        assertInvalid(() -> Phone.parse(raw), "required");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"416 555 0100", "(416)5550100"})
    void constructor_accepts_only_the_canonical_form(String value) {
        assertInvalid(() -> new Phone(value), "invalid_format");
    }
}
