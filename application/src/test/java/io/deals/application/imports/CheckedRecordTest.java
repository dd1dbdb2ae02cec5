package io.deals.application.imports;

import io.deals.domain.category.Categories;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.deal.Money;
import io.deals.domain.deal.Stay;
import io.deals.domain.hotel.HotelDetails;
import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.deals.application.imports.DealFileColumns.CATEGORIES;
import static io.deals.application.imports.DealFileColumns.CHECKIN_DATE;
import static io.deals.application.imports.DealFileColumns.CHECKOUT_DATE;
import static io.deals.application.imports.DealFileColumns.CREATED_AT;
import static io.deals.application.imports.DealFileColumns.DEAL_ID;
import static io.deals.application.imports.DealFileColumns.DISCOUNT_PERCENT;
import static io.deals.application.imports.DealFileColumns.HOTEL_CITY;
import static io.deals.application.imports.DealFileColumns.HOTEL_COUNTRY;
import static io.deals.application.imports.DealFileColumns.HOTEL_NAME;
import static io.deals.application.imports.DealFileColumns.HOTEL_PHONE;
import static io.deals.application.imports.DealFileColumns.HOTEL_STAR_RATING;
import static io.deals.application.imports.DealFileColumns.IS_AVAILABLE;
import static io.deals.application.imports.DealFileColumns.ORIGINAL_PRICE;
import static io.deals.application.imports.DealFileColumns.PRICE_PER_NIGHT;
import static io.deals.application.imports.DealFileColumns.ROOM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CheckedRecordTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** A valid row as a file writes it; the optional columns are absent. */
    private static final Map<String, String> VALID = valid();

    private static Map<String, String> valid() {
        Map<String, String> text = new HashMap<>();
        text.put(DEAL_ID, "D-1");
        text.put(HOTEL_NAME, "Hotel Sol");
        text.put(HOTEL_CITY, "Lisbon");
        text.put(HOTEL_COUNTRY, "Portugal");
        text.put(HOTEL_PHONE, "+351 (21) 000-0000");
        text.put(HOTEL_STAR_RATING, "4");
        text.put(ROOM_TYPE, "Double");
        text.put(PRICE_PER_NIGHT, "80.00");
        text.put(ORIGINAL_PRICE, "100.00");
        text.put(DISCOUNT_PERCENT, null);
        text.put(CHECKIN_DATE, "2027-06-01");
        text.put(CHECKOUT_DATE, "2027-06-04");
        text.put(IS_AVAILABLE, null);
        text.put(CATEGORIES, null);
        text.put(CREATED_AT, null);
        return text;
    }

    // --- valid rows

    @Test
    void builds_the_hotel_and_the_deal_terms_of_a_valid_row() {
        CheckedRecord checked = CheckedRecord.of(row(), NOW);

        HotelDetails hotel = checked.hotel();
        assertThat(hotel.name()).isEqualTo("Hotel Sol");
        assertThat(hotel.city()).isEqualTo("Lisbon");
        assertThat(hotel.country()).isEqualTo("Portugal");
        assertThat(hotel.phone().value()).isEqualTo("+351210000000");
        assertThat(hotel.starRating().value()).isEqualTo(4);

        DealTerms terms = checked.terms();
        assertThat(terms.externalRef().value()).isEqualTo("D-1");
        assertThat(terms.roomType()).isEqualTo("Double");
        assertThat(terms.pricePerNight()).isEqualTo(Money.of("80.00"));
        assertThat(terms.originalPrice()).isEqualTo(Money.of("100.00"));
        assertThat(terms.stay()).isEqualTo(new Stay(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 4)));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void absent_or_blank_optional_fields_take_the_defaults(String blank) {
        CheckedRecord checked = CheckedRecord.of(row(DISCOUNT_PERCENT, blank, IS_AVAILABLE, blank,
                CATEGORIES, blank, CREATED_AT, blank), NOW);

        assertThat(checked.terms().discount().value()).as("derived from 80 of 100").isEqualTo(20);
        assertThat(checked.terms().available()).isTrue();
        assertThat(checked.terms().categories()).isEqualTo(Categories.NONE);
        assertThat(checked.createdAt()).isEqualTo(NOW);
    }

    @Test
    void keeps_the_optional_fields_a_row_gives() {
        CheckedRecord checked = CheckedRecord.of(row(DISCOUNT_PERCENT, "21", IS_AVAILABLE, "false",
                CATEGORIES, "Beach, spa,beach"), NOW);

        assertThat(checked.terms().discount().value()).isEqualTo(21);
        assertThat(checked.terms().available()).isFalse();
        assertThat(checked.terms().categories().values()).containsExactly("beach", "spa");
    }

    @Test
    void strips_the_spaces_around_every_value() {
        CheckedRecord checked = CheckedRecord.of(row(DEAL_ID, " D-1 ", HOTEL_NAME, " Hotel Sol ",
                HOTEL_STAR_RATING, " 4 ", PRICE_PER_NIGHT, " 80.00 ", CHECKIN_DATE, " 2027-06-01 "), NOW);

        assertThat(checked.terms().externalRef().value()).isEqualTo("D-1");
        assertThat(checked.hotel().name()).isEqualTo("Hotel Sol");
        assertThat(checked.hotel().starRating().value()).isEqualTo(4);
        assertThat(checked.terms().pricePerNight()).isEqualTo(Money.of("80"));
        assertThat(checked.terms().stay().checkin()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"true, true", "TRUE, true", "False, false", "fAlSe, false"})
    void reads_availability_in_any_case(String text, boolean available) {
        assertThat(CheckedRecord.of(row(IS_AVAILABLE, text), NOW).terms().available()).isEqualTo(available);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-01-02T03:04:05Z,      2026-01-02T03:04:05Z",
            "2026-01-02T03:04:05+02:00, 2026-01-02T01:04:05Z",
            "2026-01-02 03:04:05-01:30, 2026-01-02T04:34:05Z",
            "2026-01-02t03:04:05.250z,  2026-01-02T03:04:05.250Z",
            "2026-01-02 03:04:05,       2026-01-02T03:04:05Z",   // no offset: UTC
            "2026-06-01T12:00:00Z,      2026-06-01T12:00:00Z",   // exactly now is not the future
    })
    void keeps_the_creation_time_a_row_gives(String text, Instant expected) {
        assertThat(CheckedRecord.of(row(CREATED_AT, text), NOW).createdAt()).isEqualTo(expected);
    }

    // --- rejections

    @Test
    void rejects_a_row_with_the_wrong_number_of_fields_as_a_whole() {
        DealFileRecord record = new DealFileRecord(7, false, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertRejected(record, tuple("row", "wrong_field_count"));
    }

    @ParameterizedTest(name = "{0}=\"{1}\" -> {2} {3}")
    @MethodSource("oneBrokenField")
    void rejects_a_broken_field_under_its_column_name(String column, String text, String field, String code) {
        assertRejected(row(column, text), tuple(field, code));
    }

    static Stream<Arguments> oneBrokenField() {
        return Stream.of(
                broken(DEAL_ID, "", "required"),
                broken(DEAL_ID, "   ", "required"),
                broken(DEAL_ID, "D".repeat(65), "too_long"),
                broken(DEAL_ID, "D-\u00071", "invalid_format"),
                broken(HOTEL_NAME, "", "required"),
                broken(HOTEL_NAME, "n".repeat(201), "too_long"),
                broken(HOTEL_CITY, "c".repeat(101), "too_long"),
                broken(HOTEL_COUNTRY, " ", "required"),
                broken(HOTEL_PHONE, "", "required"),
                broken(HOTEL_PHONE, "call us", "invalid_format"),
                broken(HOTEL_PHONE, "123 456", "invalid_format"),
                broken(HOTEL_STAR_RATING, "", "required"),
                broken(HOTEL_STAR_RATING, "6", "out_of_range"),
                broken(HOTEL_STAR_RATING, "0", "out_of_range"),
                broken(HOTEL_STAR_RATING, "4.5", "invalid_format"),
                broken(ROOM_TYPE, "", "required"),
                broken(ROOM_TYPE, "r".repeat(51), "too_long"),
                broken(PRICE_PER_NIGHT, "", "required"),
                broken(PRICE_PER_NIGHT, "0", "must_be_positive"),
                broken(PRICE_PER_NIGHT, "-80", "must_be_positive"),
                broken(PRICE_PER_NIGHT, "79.995", "too_many_decimals"),
                broken(PRICE_PER_NIGHT, "100000.01", "out_of_range"),
                broken(PRICE_PER_NIGHT, "eighty", "invalid_format"),
                broken(PRICE_PER_NIGHT, "80,00", "invalid_format"),
                // a valid number, but longer than any price needs
                broken(PRICE_PER_NIGHT, "80." + "0".repeat(38), "invalid_format"),
                broken(PRICE_PER_NIGHT, "100.01", "price_above_original"),
                // an offer's number with an exponent beyond any field's range arrives as this text
                broken(PRICE_PER_NIGHT, "1E+999999999", "out_of_range"),
                broken(PRICE_PER_NIGHT, "1E-999999999", "too_many_decimals"),
                broken(ORIGINAL_PRICE, "", "required"),
                broken(ORIGINAL_PRICE, "0", "must_be_positive"),
                broken(ORIGINAL_PRICE, "100.001", "too_many_decimals"),
                broken(ORIGINAL_PRICE, "100000.01", "out_of_range"),
                broken(ORIGINAL_PRICE, "a hundred", "invalid_format"),
                broken(ORIGINAL_PRICE, "1E+999999999", "out_of_range"),
                broken(ORIGINAL_PRICE, "1E-999999999", "too_many_decimals"),
                broken(HOTEL_STAR_RATING, "1E+999999999", "invalid_format"),
                broken(DISCOUNT_PERCENT, "1E+999999999", "invalid_format"),
                broken(DISCOUNT_PERCENT, "22", "inconsistent_discount"),
                broken(DISCOUNT_PERCENT, "101", "out_of_range"),
                broken(DISCOUNT_PERCENT, "-1", "out_of_range"),
                broken(DISCOUNT_PERCENT, "20%", "invalid_format"),
                broken(DISCOUNT_PERCENT, "20.0", "invalid_format"),
                broken(CHECKIN_DATE, "", "required"),
                broken(CHECKIN_DATE, "2027-02-30", "invalid_format"),
                broken(CHECKIN_DATE, "01/06/2027", "invalid_format"),
                broken(CHECKIN_DATE, "+10000-06-01", "out_of_range"),
                broken(CHECKIN_DATE, "0000-06-01", "out_of_range"),
                arguments(CHECKIN_DATE, "2027-06-04", CHECKOUT_DATE, "checkout_not_after_checkin"),
                broken(CHECKOUT_DATE, "2027-06-01", "checkout_not_after_checkin"),
                broken(CHECKOUT_DATE, "2027-05-31", "checkout_not_after_checkin"),
                // 2028 is a leap year: 366 nights
                broken(CHECKOUT_DATE, "2028-06-01", "stay_too_long"),
                broken(IS_AVAILABLE, "yes", "invalid_format"),
                broken(IS_AVAILABLE, "1", "invalid_format"),
                broken(CATEGORIES, "a,b,c,d,e,f,g,h,i,j,k", "too_many"),
                arguments(CATEGORIES, "beach,Spa!", "categories[1]", "invalid_format"),
                arguments(CATEGORIES, "beach,,spa", "categories[1]", "required"),
                arguments(CATEGORIES, "beach," + "s".repeat(41), "categories[1]", "too_long"),
                broken(CREATED_AT, "yesterday", "invalid_format"),
                broken(CREATED_AT, "2026-01-02", "invalid_format"),
                broken(CREATED_AT, "2026-06-01T12:00:01Z", "out_of_range"),
                broken(CREATED_AT, "0000-12-31T23:59:59Z", "out_of_range"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-04-31 10:00:00", "2026-01-01T24:00:00Z",
            "2026-01-0203:04:05", "2026-01-02T 03:04:05"})
    void rejects_a_creation_time_that_is_no_moment(String text) {
        assertRejected(row(CREATED_AT, text), tuple(CREATED_AT, "invalid_format"));
    }

    private static Arguments broken(String column, String text, String code) {
        return arguments(column, text, column, code);
    }

    @Test
    void accepts_the_longest_stay_and_a_discount_within_one_point() {
        CheckedRecord checked = CheckedRecord.of(row(CHECKOUT_DATE, "2028-05-31", DISCOUNT_PERCENT, "19"), NOW);

        assertThat(checked.terms().stay().nights()).isEqualTo(365);
        assertThat(checked.terms().discount().value()).isEqualTo(19);
    }

    @Test
    void reports_every_broken_field_of_a_row_together() {
        DealFileRecord record = row(HOTEL_NAME, "", HOTEL_PHONE, "call us", PRICE_PER_NIGHT, "eighty",
                CHECKIN_DATE, "2027-02-30", CATEGORIES, "beach,Spa!", CREATED_AT, "soon");

        assertRejected(record,
                tuple(HOTEL_NAME, "required"),
                tuple(HOTEL_PHONE, "invalid_format"),
                tuple(PRICE_PER_NIGHT, "invalid_format"),
                tuple(CHECKIN_DATE, "invalid_format"),
                tuple("categories[1]", "invalid_format"),
                tuple(CREATED_AT, "invalid_format"));
    }

    @Test
    void reports_text_that_is_no_value_of_its_type_once_and_not_again_as_missing() {
        // a discount is given too: the unreadable price must not make it look inconsistent either
        DealFileRecord record = row(HOTEL_STAR_RATING, "four", PRICE_PER_NIGHT, "eighty", ORIGINAL_PRICE, "x",
                DISCOUNT_PERCENT, "20", CHECKIN_DATE, "soon", CHECKOUT_DATE, "later");

        assertRejected(record,
                tuple(HOTEL_STAR_RATING, "invalid_format"),
                tuple(PRICE_PER_NIGHT, "invalid_format"),
                tuple(ORIGINAL_PRICE, "invalid_format"),
                tuple(CHECKIN_DATE, "invalid_format"),
                tuple(CHECKOUT_DATE, "invalid_format"));
    }

    // --- helpers

    private static void assertRejected(DealFileRecord record, Tuple... fieldsAndCodes) {
        ValidationException rejected = catchThrowableOfType(ValidationException.class,
                () -> CheckedRecord.of(record, NOW));

        assertThat(rejected).as("expected the row to be rejected").isNotNull();
        assertThat(rejected.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(fieldsAndCodes);
    }

    /** The valid row with some columns' text replaced: column, text, column, text... */
    private static DealFileRecord row(String... columnThenText) {
        Map<String, String> text = new HashMap<>(VALID);
        for (int i = 0; i < columnThenText.length; i += 2) {
            if (!text.containsKey(columnThenText[i])) {
                throw new IllegalArgumentException("no column " + columnThenText[i]);
            }
            text.put(columnThenText[i], columnThenText[i + 1]);
        }
        return new DealFileRecord(7, true, text.get(DEAL_ID), text.get(HOTEL_NAME), text.get(HOTEL_CITY),
                text.get(HOTEL_COUNTRY), text.get(HOTEL_PHONE), text.get(HOTEL_STAR_RATING), text.get(ROOM_TYPE),
                text.get(PRICE_PER_NIGHT), text.get(ORIGINAL_PRICE), text.get(DISCOUNT_PERCENT),
                text.get(CHECKIN_DATE), text.get(CHECKOUT_DATE), text.get(IS_AVAILABLE), text.get(CATEGORIES),
                text.get(CREATED_AT));
    }
}
