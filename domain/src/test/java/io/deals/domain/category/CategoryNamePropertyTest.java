package io.deals.domain.category;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryNamePropertyTest {

    private static final String WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éÉöÖñÑ";

    /** Valid names in any case: words of letters and digits joined by single spaces or hyphens. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<List<String>> words = Arbitraries.strings().withChars(WORD_CHARS).ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<String>> separators = Arbitraries.of(" ", "-").list().ofSize(4);
        return Combinators.combine(words, separators).as((w, s) -> IntStream.range(0, w.size())
                        .mapToObj(i -> i == 0 ? w.get(0) : s.get(i - 1) + w.get(i))
                        .collect(Collectors.joining()))
                .filter(name -> name.length() <= CategoryName.MAX_LENGTH);
    }

    /** A name as a caller may write it: outer whitespace added, the case of each letter random. */
    private static Arbitrary<String> spellingsOf(String name) {
        Arbitrary<String> padding = Arbitraries.strings().withChars(" \t\n").ofMaxLength(3);
        Arbitrary<List<Boolean>> upper = Arbitraries.of(true, false).list().ofSize(name.length());
        return Combinators.combine(padding, upper, padding).as((left, mask, right) -> left
                + IntStream.range(0, name.length())
                        .mapToObj(i -> String.valueOf(mask.get(i) ? Character.toUpperCase(name.charAt(i))
                                : Character.toLowerCase(name.charAt(i))))
                        .collect(Collectors.joining())
                + right);
    }

    @Provide
    Arbitrary<String> rawNames() {
        return names().flatMap(CategoryNamePropertyTest::spellingsOf);
    }

    @Provide
    Arbitrary<Tuple2<String, String>> twoSpellings() {
        return names().flatMap(name -> spellingsOf(name).tuple2());
    }

    @Property
    void parse_is_idempotent(@ForAll("rawNames") String raw) {
        CategoryName once = CategoryName.parse(raw);

        assertThat(CategoryName.parse(once.value())).isEqualTo(once);
        assertThat(new CategoryName(once.value())).isEqualTo(once);
    }

    @Property
    void parse_yields_the_trimmed_lower_case_name(@ForAll("rawNames") String raw) {
        String value = CategoryName.parse(raw).value();

        assertThat(value.codePoints()).noneMatch(Character::isUpperCase);
        assertThat(value).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("\t", "\n")
                .isEqualToIgnoringCase(raw.strip());
    }

    @Property
    void spellings_differing_only_in_case_or_outer_spaces_are_equal(
            @ForAll("twoSpellings") Tuple2<String, String> spellings) {
        assertThat(CategoryName.parse(spellings.get1())).isEqualTo(CategoryName.parse(spellings.get2()));
    }
}
