package io.deals.adapters.web.shared;

import io.deals.application.shared.port.in.Keyset;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final Cursors cursors = new Cursors(key(1));

    @Example
    void a_cursor_gives_back_its_position_under_the_same_binding() {
        String cursor = cursors.encode("deals|f|price_per_night", new Keyset("129.99", 1017));

        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(cursors.decode(cursor, "deals|f|price_per_night")).isEqualTo(new Keyset("129.99", 1017));
        assertThat(new Cursors(key(1)).decode(cursor, "deals|f|price_per_night")).isEqualTo(new Keyset("129.99", 1017));
    }

    @Example
    void a_cursor_is_refused_under_another_binding_or_another_key() {
        String cursor = cursors.encode("deals|f|id", new Keyset("5", 5));

        assertInvalid(() -> cursors.decode(cursor, "deals|g|id"));
        assertInvalid(() -> new Cursors(key(2)).decode(cursor, "deals|f|id"));
    }

    /** Every one-character change is refused, even one in the unused low bits of a last character. */
    @Property(tries = 50)
    void a_cursor_changed_in_any_character_is_refused(@ForAll @IntRange(min = 1, max = 1_000_000) long id,
                                                       @ForAll @IntRange(min = 1, max = 63) int flip) {
        String cursor = cursors.encode("deals|f|id", new Keyset(Long.toString(id), id));
        for (int i = 0; i < cursor.length(); i++) {
            int index = ALPHABET.indexOf(cursor.charAt(i));
            char replacement = index < 0 ? 'A' : ALPHABET.charAt(index ^ flip);
            String changed = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertInvalid(() -> cursors.decode(changed, "deals|f|id"));
        }
        String[] parts = cursor.split("\\.");
        assertInvalid(() -> cursors.decode(parts[0] + "=." + parts[1], "deals|f|id"));
        assertInvalid(() -> cursors.decode(parts[0] + "." + parts[1] + "=", "deals|f|id"));
    }

    @Example
    void garbage_is_refused() {
        for (String garbage : new String[] {"", "abc", ".", "a.b.c", "abc.def", "!!.??"}) {
            assertInvalid(() -> cursors.decode(garbage, "deals|f|id"));
        }
    }

    private static void assertInvalid(Runnable decode) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, decode::run);
        assertThat(problem).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("INVALID_CURSOR");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
