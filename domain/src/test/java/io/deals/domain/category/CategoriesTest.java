package io.deals.domain.category;

import io.deals.domain.shared.Validation;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static io.deals.domain.shared.DomainAssertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CategoriesTest {

    private final Validation validation = new Validation();

    private Categories parse(String... raw) {
        return Categories.parse(Arrays.asList(raw), "categories", validation);
    }

    private static String[] distinctNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "tag" + (char) ('a' + i)).toArray(String[]::new);
    }

    @Test
    void parse_normalizes_collapses_duplicates_and_sorts() {
        Categories categories = parse(" Spa", "beach", "BEACH ", "Family", "spa");

        assertThat(categories.values()).containsExactly("beach", "family", "spa");
        assertThat(validation.failedAny()).isFalse();
    }

    @Test
    void parse_of_null_means_no_categories() {
        assertThat(Categories.parse(null, "categories", validation)).isEqualTo(Categories.NONE);
        assertThat(Categories.NONE.values()).isEmpty();
    }

    @Test
    void accepts_ten_distinct_names() {
        assertThat(parse(distinctNames(10)).names()).hasSize(10);
    }

    @Test
    void counts_names_after_collapsing_duplicates() {
        List<String> raw = new ArrayList<>(List.of(distinctNames(10)));
        raw.add(raw.get(0).toUpperCase());

        assertThat(parse(raw.toArray(String[]::new)).names()).hasSize(10);
    }

    @Test
    void rejects_more_than_ten_distinct_names_on_the_list_field() {
        assertThat(parse(distinctNames(11))).isNull();

        assertThat(violationsOf(validation::throwIfInvalid))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("categories", "too_many"));
    }

    @Test
    void constructor_rejects_more_than_ten_names() {
        List<CategoryName> names = Arrays.stream(distinctNames(11)).map(CategoryName::new).toList();

        assertInvalid(() -> new Categories(names), "too_many");
    }

    @Test
    void reports_each_bad_name_under_its_index() {
        parse("beach", "", "spa", "sea  view", null);

        assertThat(violationsOf(validation::throwIfInvalid))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("categories[1]", "required"), tuple("categories[3]", "invalid_format"),
                        tuple("categories[4]", "required"));
    }
}
