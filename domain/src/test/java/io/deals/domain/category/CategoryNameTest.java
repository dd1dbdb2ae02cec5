package io.deals.domain.category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class CategoryNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  Sea View '   | sea view",
            "All-Inclusive   | all-inclusive",
            "5-Star          | 5-star",
            "Café            | café",
    })
    void parse_trims_and_lower_cases(String raw, String expected) {
        assertThat(CategoryName.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sea  view", "-beach", "beach-", "spa!", "pet_friendly", "sea - view", "a\tb"})
    void parse_rejects_names_that_are_not_words_joined_by_single_spaces_or_hyphens(String raw) {
        assertInvalid(() -> CategoryName.parse(raw), "invalid_format");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void parse_requires_a_name(String raw) {
        assertInvalid(() -> CategoryName.parse(raw), "required");
    }

    @Test
    void parse_accepts_40_characters_and_rejects_41() {
        assertThat(CategoryName.parse("a".repeat(40)).value()).hasSize(40);
        assertInvalid(() -> CategoryName.parse("a".repeat(41)), "too_long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Beach", " beach"})
    void constructor_accepts_only_the_normalized_form(String value) {
        assertInvalid(() -> new CategoryName(value), "invalid_format");
    }

    @Test
    void orders_by_name() {
        assertThat(new CategoryName("beach")).isLessThan(new CategoryName("spa"));
        assertThat(new CategoryName("beach").toString()).isEqualTo("beach");
    }
}
