package io.deals.adapters.web.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JsonInputTest {

    private static final Set<String> FIELDS = Set.of("name", "price", "stars", "from", "tags", "ok", "id");

    private static JsonInput input(String json) throws Exception {
        return new JsonInput((ObjectNode) JsonMappers.api().readTree(json), FIELDS, Set.of("created_at"));
    }

    @Test
    void reads_each_documented_type_and_tells_absent_from_null() throws Exception {
        JsonInput in = input("""
                {"name": "x", "price": 129.99, "stars": 4, "from": "2026-12-01", "tags": ["a", "b"], "ok": false,
                 "id": null}""");

        assertThat(in.text("name").value()).isEqualTo("x");
        assertThat(in.decimal("price").value()).isEqualByComparingTo(new BigDecimal("129.99"));
        assertThat(in.integer("stars").value()).isEqualTo(4);
        assertThat(in.date("from").value()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(in.strings("tags").value()).containsExactly("a", "b");
        assertThat(in.bool("ok").value()).isFalse();
        assertThat(in.id("id")).isEqualTo(JsonField.of(null));
        assertThat(in.text("missing")).isEqualTo(JsonField.absent());
        assertThat(in.errors().violations()).isEmpty();
    }

    @Test
    void keeps_decimals_exact_instead_of_going_through_a_binary_float() throws Exception {
        assertThat(input("{\"price\": 0.1}").decimal("price").value()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void reports_every_unknown_read_only_and_mistyped_field_at_once() throws Exception {
        JsonInput in = input("""
                {"name": 5, "price": "12", "stars": 4.5, "from": "2026-02-30", "tags": ["a", 1], "ok": "yes",
                 "id": -3, "created_at": "now", "colour": "red"}""");
        assertThat(in.text("name")).isEqualTo(JsonField.absent());
        in.decimal("price");
        in.integer("stars");
        in.date("from");
        in.strings("tags");
        in.bool("ok");
        in.id("id");

        assertThat(in.errors().violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                tuple("colour", "unknown_field"),
                tuple("created_at", "read_only"),
                tuple("name", "invalid_type"),
                tuple("price", "invalid_type"),
                tuple("stars", "invalid_type"),
                tuple("from", "invalid_type"),
                tuple("tags", "invalid_type"),
                tuple("ok", "invalid_type"),
                tuple("id", "invalid_type"));
    }
}
