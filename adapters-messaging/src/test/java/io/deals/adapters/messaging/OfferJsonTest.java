package io.deals.adapters.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.deals.application.imports.DealFileColumns.CATEGORIES;
import static io.deals.application.imports.DealFileColumns.CREATED_AT;
import static io.deals.application.imports.DealFileColumns.DISCOUNT_PERCENT;
import static io.deals.application.imports.DealFileColumns.HOTEL_STAR_RATING;
import static io.deals.application.imports.DealFileColumns.IS_AVAILABLE;
import static io.deals.application.imports.DealFileColumns.ORIGINAL_PRICE;
import static io.deals.application.imports.DealFileColumns.PRICE_PER_NIGHT;
import static io.deals.application.imports.DealFileColumns.ROOM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link OfferJson#write} makes of a file row, and that {@link OfferJson#read} gives the same row back. */
class OfferJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A valid row, one value per column of the reference file. */
    private static final List<String> VALID = List.of("D-1", "Hotel Sol", "Lisbon", "Portugal", "+351 210 000 000",
            "4", "Double", "80.50", "100.00", "20", "2027-06-01", "2027-06-04", "true", "beach,city break",
            "2026-01-02T03:04:05Z");

    @Test
    void writes_numbers_booleans_and_categories_as_json_types() throws IOException {
        JsonNode json = JSON.readTree(OfferJson.write(record(VALID)));

        assertThat(json.get(HOTEL_STAR_RATING).isIntegralNumber()).isTrue();
        assertThat(json.get(PRICE_PER_NIGHT).isNumber()).isTrue();
        assertThat(json.get(PRICE_PER_NIGHT).decimalValue()).isEqualByComparingTo("80.50");
        assertThat(json.get(DISCOUNT_PERCENT).intValue()).isEqualTo(20);
        assertThat(json.get(IS_AVAILABLE).isBoolean()).isTrue();
        assertThat(json.get(CATEGORIES).isArray()).isTrue();
        assertThat(json.get(CATEGORIES)).extracting(JsonNode::textValue).containsExactly("beach", "city break");
        assertThat(json.get(ROOM_TYPE).textValue()).isEqualTo("Double");
        assertThat(json.size()).isEqualTo(15);
    }

    @Test
    void reads_a_valid_row_back_as_written() {
        DealFileRecord row = record(VALID);

        assertThat(roundTrip(row)).isEqualTo(row);
    }

    /** Every text a number or a boolean may be written as comes back the same, trailing zeros included. */
    @ParameterizedTest
    @CsvSource({"price_per_night, 80.50", "price_per_night, 80", "price_per_night, 0.00", "original_price, 99.990",
            "original_price, 1.0", "discount_percent, 0", "hotel_star_rating, 5", "is_available, false"})
    void keeps_numbers_and_booleans_exactly_as_written(String field, String value) throws IOException {
        DealFileRecord row = record(with(field, value));

        assertThat(JSON.readTree(OfferJson.write(row)).get(field).isTextual()).as("written as a JSON value").isFalse();
        assertThat(roundTrip(row)).isEqualTo(row);
    }

    /** A row the import refuses is an offer the consumer refuses for the same reason: its values travel as text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"price_per_night | 80,50", "price_per_night | -0080.50",
            "original_price | 1e3", "original_price | 12.", "discount_percent | twenty", "hotel_star_rating | 4.5.1",
            "is_available | maybe", "is_available | TRUE", "checkin_date | 2027-02-30", "hotel_phone | call us",
            "categories | beach,sea&sun", "created_at | 2999-01-01T00:00:00Z", "deal_id | ' D-1 '"})
    void keeps_a_dirty_value_as_the_text_it_is(String field, String value) {
        DealFileRecord row = record(with(field, value));

        assertThat(roundTrip(row)).isEqualTo(row);
    }

    @Test
    void keeps_blank_values_blank() {
        List<String> values = new ArrayList<>(VALID);
        values.replaceAll(value -> "");

        DealFileRecord row = record(values);

        assertThat(roundTrip(row)).isEqualTo(row);
    }

    @Test
    void keeps_empty_categories_between_commas() {
        DealFileRecord row = record(with(CATEGORIES, "beach,,spa"));

        assertThat(roundTrip(row)).isEqualTo(row);
    }

    @Test
    void a_missing_required_value_is_null_and_a_missing_created_at_is_left_out() throws IOException {
        List<String> values = new ArrayList<>(VALID);
        values.set(DealFileColumns.ALL.indexOf(ROOM_TYPE), null);
        values.set(DealFileColumns.ALL.indexOf(CREATED_AT), null);
        DealFileRecord row = record(values);

        JsonNode json = JSON.readTree(OfferJson.write(row));

        assertThat(json.get(ROOM_TYPE).isNull()).isTrue();
        assertThat(json.has(CREATED_AT)).isFalse();
        assertThat(roundTrip(row)).isEqualTo(row);
    }

    private static DealFileRecord roundTrip(DealFileRecord row) {
        OfferJson.Read read = OfferJson.read(row.line(), OfferJson.key(row.dealId()), OfferJson.write(row));
        assertThat(read.violations()).isEmpty();
        return read.fields();
    }

    private static List<String> with(String field, String value) {
        List<String> values = new ArrayList<>(VALID);
        values.set(DealFileColumns.ALL.indexOf(field), value);
        return values;
    }

    private static DealFileRecord record(List<String> v) {
        return new DealFileRecord(7, true, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
                v.get(7), v.get(8), v.get(9), v.get(10), v.get(11), v.get(12), v.get(13), v.get(14));
    }
}
