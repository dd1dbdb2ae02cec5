package io.deals.adapters.csv;

import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileException;
import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.port.out.DealFile;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDealFilesTest {

    private static final List<String> COLUMNS = DealFileColumns.ALL;

    /** One value per column of {@link DealFileColumns#ALL}, none of which needs quoting. */
    private static final List<String> VALUES = List.of("D-1", "Hotel Sol", "Lisbon", "Portugal", "+351 210 000 000",
            "4", "Double", "80.00", "100.00", "20", "2027-06-01", "2027-06-04", "true", "beach",
            "2026-01-02T03:04:05Z");

    private static final String HEADER = String.join(",", COLUMNS);
    private static final String ROW = String.join(",", VALUES);

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // --- columns

    @Test
    void reads_every_column_of_the_reference_header() {
        List<DealFileRecord> records = records(HEADER + "\n" + ROW + "\n");

        assertThat(records).hasSize(1);
        assertThat(valuesOf(records.get(0))).containsExactlyElementsOf(VALUES);
        assertThat(records.get(0).fieldCountMatches()).isTrue();
        assertThat(records.get(0).line()).isEqualTo(2);
    }

    @Test
    void matches_columns_by_name_when_the_header_is_shuffled() {
        List<Integer> order = new ArrayList<>(IntStream.range(0, COLUMNS.size()).boxed().toList());
        Collections.shuffle(order, new Random(42));
        String header = String.join(",", order.stream().map(COLUMNS::get).toList());
        String row = String.join(",", order.stream().map(VALUES::get).toList());

        assertThat(valuesOf(single(header + "\n" + row + "\n"))).containsExactlyElementsOf(VALUES);
    }

    @Test
    void an_absent_created_at_column_reads_as_null() {
        List<Integer> required = IntStream.range(0, COLUMNS.size())
                .filter(i -> DealFileColumns.REQUIRED.contains(COLUMNS.get(i))).boxed().toList();
        String header = String.join(",", required.stream().map(COLUMNS::get).toList());
        String row = String.join(",", required.stream().map(VALUES::get).toList());

        DealFileRecord record = single(header + "\n" + row + "\n");

        assertThat(record.createdAt()).isNull();
        assertThat(record.categories()).isEqualTo(VALUES.get(COLUMNS.indexOf(DealFileColumns.CATEGORIES)));
        assertThat(record.dealId()).isEqualTo("D-1");
        assertThat(record.checkoutDate()).isEqualTo("2027-06-04");
        assertThat(record.fieldCountMatches()).isTrue();
    }

    @Test
    void strips_spaces_around_header_names() {
        String header = String.join(",", COLUMNS.stream().map(name -> "  " + name + " ").toList());

        assertThat(valuesOf(single(header + "\n" + ROW + "\n"))).containsExactlyElementsOf(VALUES);
    }

    // --- RFC 4180 quoting and physical lines

    @Test
    void reads_embedded_commas_and_doubled_quotes_in_a_quoted_field() {
        DealFileRecord record = single(HEADER + "\n" + rowWith("hotel_name", "\"Sol, \"\"Mar\"\" & Spa\"") + "\n");

        assertThat(record.hotelName()).isEqualTo("Sol, \"Mar\" & Spa");
        assertThat(record.hotelCity()).isEqualTo("Lisbon");
        assertThat(record.fieldCountMatches()).isTrue();
    }

    @Test
    void reads_quoted_categories_as_one_field() {
        DealFileRecord record = single(HEADER + "\n" + rowWith("categories", "\"beach,spa\"") + "\n");

        assertThat(record.categories()).isEqualTo("beach,spa");
        assertThat(record.createdAt()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(record.fieldCountMatches()).isTrue();
    }

    @ParameterizedTest(name = "line break {0}")
    @ValueSource(strings = {"\n", "\r\n"})
    void reads_a_quoted_field_spanning_three_lines_with_the_line_it_starts_on(String nl) {
        String name = "Sol" + nl + "by the" + nl + "Sea";
        String text = HEADER + nl + ROW + nl + rowWith("hotel_name", "\"" + name + "\"") + nl + ROW + nl;

        List<DealFileRecord> records = records(text);

        assertThat(records).extracting(DealFileRecord::line).containsExactly(2L, 3L, 6L);
        assertThat(records.get(1).hotelName()).isEqualTo(name);
        assertThat(records).allMatch(DealFileRecord::fieldCountMatches);
    }

    @Test
    void skips_blank_lines_and_numbers_records_by_physical_line() {
        String text = HEADER + "\n\n" + ROW + "\n\n\n" + ROW + "\n";

        assertThat(records(text)).extracting(DealFileRecord::line).containsExactly(3L, 6L);
    }

    // --- encoding and line endings

    @Test
    void skips_a_utf8_byte_order_mark_before_the_header() {
        byte[] bytes = concat(BYTE_ORDER_MARK, utf8(HEADER + "\n" + ROW + "\n"));

        DealFileRecord record = readAll(bytes).get(0);

        assertThat(valuesOf(record)).containsExactlyElementsOf(VALUES);
        assertThat(record.line()).isEqualTo(2);
    }

    @Test
    void reads_crlf_line_endings_throughout() {
        List<DealFileRecord> records = records(HEADER + "\r\n" + ROW + "\r\n\r\n" + ROW + "\r\n");

        assertThat(records).extracting(DealFileRecord::line).containsExactly(2L, 4L);
        // the last column must not keep the carriage return
        assertThat(records).extracting(DealFileRecord::createdAt).containsOnly("2026-01-02T03:04:05Z");
    }

    @ParameterizedTest(name = "ending [{0}]")
    @ValueSource(strings = {"", "\n", "\r\n"})
    void reads_the_last_record_with_or_without_a_trailing_line_break(String ending) {
        List<DealFileRecord> records = records(HEADER + "\n" + ROW + "\n" + ROW + ending);

        assertThat(records).extracting(DealFileRecord::line).containsExactly(2L, 3L);
        assertThat(valuesOf(records.get(1))).containsExactlyElementsOf(VALUES);
    }

    @Test
    void reads_many_small_records_adding_up_to_more_than_the_record_bound() {
        int rows = (int) (2 * RecordSizeGuard.MAX_RECORD_CHARS / ROW.length());
        String text = HEADER + "\n" + (ROW + "\n").repeat(rows);

        List<DealFileRecord> records = records(text);

        assertThat(records).hasSize(rows);
        assertThat(records.get(rows - 1).line()).isEqualTo(rows + 1L);
    }

    // --- header problems

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_star_rating,room_type,price_per_night,original_price,discount_percent,checkin_date,checkout_date,is_available,categories | missing column hotel_phone",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,price_per_night,original_price,discount_percent,checkin_date,checkout_date,is_available | missing column categories",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,price_per_night,original_price,discount_percent,checkin_date,checkout_date,is_available,categories,wifi | unknown column \"wifi\"",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,room_type,price_per_night,original_price,discount_percent,checkin_date,checkout_date,is_available,categories | repeated column room_type",
    })
    void rejects_a_broken_header_on_opening_naming_the_problem(String header, String problem) {
        assertOpenFails(header + "\n" + ROW + "\n").hasMessageContaining(problem);
    }

    @Test
    void reports_every_header_problem_at_once() {
        String header = "deal_id,hotel_name,hotel_name,wifi,pool,room_type,price_per_night,original_price,"
                + "checkin_date,checkout_date";

        assertOpenFails(header + "\n")
                .hasMessageContaining("missing columns categories, discount_percent, hotel_city, hotel_country, hotel_phone,"
                        + " hotel_star_rating, is_available")
                .hasMessageContaining("unknown columns \"wifi\", \"pool\"")
                .hasMessageContaining("repeated column hotel_name");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "\n", "\r\n\r\n", "\uFEFF"})
    void rejects_an_input_without_a_header(String text) {
        assertOpenFails(text).hasMessageStartingWith("the file is empty");
    }

    // --- broken records

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {",extra", ","})
    void flags_a_record_with_more_fields_than_the_header_and_reads_on(String extra) {
        List<DealFileRecord> records = records(HEADER + "\n" + ROW + extra + "\n" + ROW + "\n");

        assertThat(records).extracting(DealFileRecord::fieldCountMatches).containsExactly(false, true);
        assertThat(valuesOf(records.get(0))).containsExactlyElementsOf(VALUES);
    }

    @Test
    void flags_a_record_with_fewer_fields_than_the_header_and_reads_the_missing_ones_as_null() {
        String shortRow = String.join(",", VALUES.subList(0, 3));

        DealFileRecord record = single(HEADER + "\n" + shortRow + "\n");

        assertThat(record.fieldCountMatches()).isFalse();
        assertThat(record.hotelCity()).isEqualTo("Lisbon");
        assertThat(record.hotelCountry()).isNull();
        assertThat(record.createdAt()).isNull();
    }

    @Test
    void rejects_bytes_that_are_not_utf8() {
        byte[] latin1 = (HEADER + "\n" + rowWith("hotel_city", "S\u00e3o Paulo") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertReadFails(latin1).hasMessageContaining("UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"Sol, by the sea", "\"Sol\" Mar"})
    void rejects_broken_quoting(String hotelName) {
        byte[] bytes = utf8(HEADER + "\n" + ROW + "\n" + rowWith("hotel_name", hotelName) + "\n" + ROW + "\n");

        assertReadFails(bytes).hasMessageContaining("not valid CSV");
    }

    @Test
    void rejects_a_record_longer_than_the_bound_instead_of_buffering_it() {
        String openQuote = "D-2,\"" + "x".repeat((int) (2 * RecordSizeGuard.MAX_RECORD_CHARS));

        assertReadFails(utf8(HEADER + "\n" + ROW + "\n" + openQuote)).hasMessageContaining("longer than");
    }

    // --- helpers

    private static DealFile open(byte[] bytes) {
        return new CsvDealFiles().open(new ByteArrayInputStream(bytes));
    }

    private static List<DealFileRecord> readAll(byte[] bytes) {
        try (DealFile file = open(bytes)) {
            List<DealFileRecord> records = new ArrayList<>();
            for (DealFileRecord record = file.next(); record != null; record = file.next()) {
                records.add(record);
            }
            return records;
        }
    }

    private static List<DealFileRecord> records(String text) {
        return readAll(utf8(text));
    }

    private static DealFileRecord single(String text) {
        List<DealFileRecord> records = records(text);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** A failure reading the file; where it surfaces (open or next) depends on read-ahead, so either will do. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(byte[] bytes) {
        return assertFails(() -> readAll(bytes));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(String text) {
        return assertFails(() -> open(utf8(text)));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ThrowingCallable call) {
        return assertThatThrownBy(call).isExactlyInstanceOf(DealFileException.class);
    }

    /** The reference row with one column's raw text replaced. */
    private static String rowWith(String column, String raw) {
        List<String> values = new ArrayList<>(VALUES);
        values.set(COLUMNS.indexOf(column), raw);
        return String.join(",", values);
    }

    private static List<String> valuesOf(DealFileRecord r) {
        return Arrays.asList(r.dealId(), r.hotelName(), r.hotelCity(), r.hotelCountry(), r.hotelPhone(),
                r.hotelStarRating(), r.roomType(), r.pricePerNight(), r.originalPrice(), r.discountPercent(),
                r.checkinDate(), r.checkoutDate(), r.isAvailable(), r.categories(), r.createdAt());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
