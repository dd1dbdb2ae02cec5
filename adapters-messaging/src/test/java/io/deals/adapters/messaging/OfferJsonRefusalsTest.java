package io.deals.adapters.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deals.domain.shared.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.deals.application.imports.DealFileColumns.CATEGORIES;
import static io.deals.application.imports.DealFileColumns.CREATED_AT;
import static io.deals.application.imports.DealFileColumns.DEAL_ID;
import static io.deals.application.imports.DealFileColumns.HOTEL_NAME;
import static io.deals.application.imports.DealFileColumns.ORIGINAL_PRICE;
import static io.deals.application.imports.DealFileColumns.PRICE_PER_NIGHT;
import static io.deals.application.imports.DealFileColumns.ROOM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every reason {@link OfferJson#read} gives for a record that is no offer, as docs/offers.md lists them. */
class OfferJsonRefusalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "D-1";

    @Test
    void a_record_without_a_value_is_refused_as_a_whole() {
        assertRefused(OfferJson.read(1, KEY, null), tuple("value", "required"));
    }

    @Test
    void a_value_over_1_MiB_is_refused_unread() {
        byte[] notJson = new byte[OfferJson.MAX_BYTES + 1];
        Arrays.fill(notJson, (byte) 'x');

        assertRefused(OfferJson.read(1, KEY, notJson), tuple("value", "too_large"));
    }

    @Test
    void a_value_of_exactly_1_MiB_is_read() {
        byte[] offer = json(valid());
        byte[] padded = Arrays.copyOf(offer, OfferJson.MAX_BYTES);
        Arrays.fill(padded, offer.length, padded.length, (byte) ' ');

        assertThat(OfferJson.read(1, KEY, padded).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"deal_id\": \"D-1\"", "{deal_id: \"D-1\"}", "{\"deal_id\": 'D-1'}",
            "{\"deal_id\": \"D-1\", \"deal_id\": \"D-1\"}"})
    void text_that_is_not_json_or_gives_a_key_twice_is_malformed(String value) {
        assertRefused(read(value), tuple("value", "malformed_json"));
    }

    /** An offer followed by anything is not one JSON value; neither is nothing at all. */
    @ParameterizedTest
    @ValueSource(strings = {" x", " {}", ",", "]"})
    void an_offer_with_more_after_it_is_malformed(String more) {
        assertRefused(read(new String(json(valid()), StandardCharsets.UTF_8) + more), tuple("value", "malformed_json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void an_empty_value_is_not_json(String value) {
        assertRefused(read(value), tuple("value", "malformed_json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"deal_id\": \"D-1\"}]", "\"D-1\"", "42", "true", "null"})
    void json_that_is_not_an_object_is_refused_as_a_whole(String value) {
        assertRefused(read(value), tuple("value", "invalid_format"));
    }

    @Test
    void a_field_the_import_file_does_not_have_is_unknown() {
        Map<String, Object> offer = valid();
        offer.put("price", 80);

        assertRefused(read(offer), tuple("price", "unknown_field"));
    }

    @Test
    void a_missing_field_is_required_but_a_null_one_is_blank() {
        Map<String, Object> missing = valid();
        missing.remove(ROOM_TYPE);
        Map<String, Object> blank = valid();
        blank.put(ROOM_TYPE, null);

        assertRefused(read(missing), tuple(ROOM_TYPE, "required"));
        OfferJson.Read read = read(blank);
        assertThat(read.violations()).isEmpty();
        assertThat(read.fields().roomType()).isNull();
    }

    @Test
    void created_at_alone_may_be_left_out() {
        Map<String, Object> offer = valid();
        offer.remove(CREATED_AT);

        OfferJson.Read read = read(offer);

        assertThat(read.violations()).isEmpty();
        assertThat(read.fields().createdAt()).isNull();
    }

    @Test
    void an_object_or_array_where_a_string_or_number_belongs_is_invalid() {
        Map<String, Object> offer = valid();
        offer.put(HOTEL_NAME, List.of("Hotel Sol"));
        offer.put(PRICE_PER_NIGHT, Map.of("amount", 80));
        offer.put(CATEGORIES, Map.of("name", "beach"));

        assertRefused(read(offer), tuple(HOTEL_NAME, "invalid_format"), tuple(PRICE_PER_NIGHT, "invalid_format"),
                tuple(CATEGORIES, "invalid_format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"beach\", 1]", "[\"beach\", null]", "[\"beach\", [\"spa\"]]", "[\"beach\", {}]",
            "[\"beach,spa\"]"})
    void categories_are_an_array_of_names_without_commas(String categories) {
        String offer = new String(json(valid()), StandardCharsets.UTF_8)
                .replace("\"categories\":[\"beach\",\"city break\"]", "\"categories\":" + categories);

        assertRefused(read(offer), tuple(CATEGORIES, "invalid_format"));
    }

    @Test
    void categories_may_be_one_comma_separated_string() {
        Map<String, Object> offer = valid();
        offer.put(CATEGORIES, "beach,city break");

        assertThat(read(offer).fields().categories()).isEqualTo("beach,city break");
    }

    @Test
    void a_record_without_a_key_does_not_match_its_deal_id() {
        assertRefused(OfferJson.read(1, null, json(valid())), tuple(DEAL_ID, "key_mismatch"));
    }

    /** Blanks count: a key of " D-1" goes to another partition than "D-1", where the deal's other offers go. */
    @ParameterizedTest
    @ValueSource(strings = {"D-2", " D-1", "D-1 ", "d-1", ""})
    void a_key_that_is_not_exactly_the_deal_id_is_a_mismatch(String key) {
        assertRefused(OfferJson.read(1, key, json(valid())), tuple(DEAL_ID, "key_mismatch"));
    }

    @Test
    void a_deal_id_with_blanks_is_keyed_without_them() {
        Map<String, Object> offer = valid();
        offer.put(DEAL_ID, " D-1 ");

        assertThat(OfferJson.key(" D-1 ")).isEqualTo("D-1");
        assertThat(OfferJson.read(1, "D-1", json(offer)).violations()).isEmpty();
        assertRefused(OfferJson.read(1, " D-1 ", json(offer)), tuple(DEAL_ID, "key_mismatch"));
    }

    @Test
    void reports_every_reason_of_one_record_together() {
        Map<String, Object> offer = valid();
        offer.put("hotel", "Hotel Sol");
        offer.remove(ROOM_TYPE);
        offer.put(ORIGINAL_PRICE, List.of(100));
        offer.put(DEAL_ID, "D-2");

        assertRefused(read(offer), tuple("hotel", "unknown_field"), tuple(ROOM_TYPE, "required"),
                tuple(ORIGINAL_PRICE, "invalid_format"), tuple(DEAL_ID, "key_mismatch"));
    }

    /**
     * An exponent beyond any field's range stays in exponent form, read at once rather than written out
     * as a billion digits; the import's rules refuse that text (CheckedRecordTest).
     */
    @Test
    void a_number_with_a_huge_exponent_is_kept_as_exponent_text() {
        String offer = new String(json(valid()), StandardCharsets.UTF_8)
                .replace("\"price_per_night\":80.50", "\"price_per_night\":1e999999999")
                .replace("\"original_price\":100.00", "\"original_price\":1e-999999999");

        OfferJson.Read read = read(offer);

        assertThat(read.violations()).isEmpty();
        assertThat(read.fields().pricePerNight()).isEqualTo("1E+999999999");
        assertThat(read.fields().originalPrice()).isEqualTo("1E-999999999");
    }

    @Test
    void a_number_with_a_small_exponent_is_written_out() {
        String offer = new String(json(valid()), StandardCharsets.UTF_8)
                .replace("\"price_per_night\":80.50", "\"price_per_night\":8.05e1")
                .replace("\"original_price\":100.00", "\"original_price\":1E2");

        OfferJson.Read read = read(offer);

        assertThat(read.fields().pricePerNight()).isEqualTo("80.5");
        assertThat(read.fields().originalPrice()).isEqualTo("100");
    }

    private static void assertRefused(OfferJson.Read read, Tuple... fieldsAndCodes) {
        assertThat(read.violations()).extracting(Violation::field, Violation::code).containsExactly(fieldsAndCodes);
        assertThat(read.violations()).extracting(Violation::message).allSatisfy(message -> assertThat(message).isNotBlank());
    }

    private static OfferJson.Read read(Map<String, Object> offer) {
        return OfferJson.read(1, KEY, json(offer));
    }

    private static OfferJson.Read read(String value) {
        return OfferJson.read(1, KEY, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid offer, in the import file's column order. */
    private static Map<String, Object> valid() {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put(DEAL_ID, KEY);
        offer.put(HOTEL_NAME, "Hotel Sol");
        offer.put("hotel_city", "Lisbon");
        offer.put("hotel_country", "Portugal");
        offer.put("hotel_phone", "+351 210 000 000");
        offer.put("hotel_star_rating", 4);
        offer.put(ROOM_TYPE, "Double");
        offer.put(PRICE_PER_NIGHT, new BigDecimal("80.50"));
        offer.put(ORIGINAL_PRICE, new BigDecimal("100.00"));
        offer.put("discount_percent", null);
        offer.put("checkin_date", "2027-06-01");
        offer.put("checkout_date", "2027-06-04");
        offer.put("is_available", true);
        offer.put(CATEGORIES, List.of("beach", "city break"));
        offer.put(CREATED_AT, "2026-01-02T03:04:05Z");
        return offer;
    }

    private static byte[] json(Map<String, Object> offer) {
        try {
            return JSON.writeValueAsBytes(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
