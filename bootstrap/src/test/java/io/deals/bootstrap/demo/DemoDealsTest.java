package io.deals.bootstrap.demo;

import io.deals.application.imports.DealFileColumns;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.shared.DomainException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDealsTest {

    private static String generate(int rows, int hotels, long seed, double dirtyRate) throws IOException {
        StringWriter out = new StringWriter();
        new DemoDeals(rows, hotels, seed, dirtyRate).writeTo(out);
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void the_same_settings_write_the_same_bytes_and_another_seed_does_not() throws IOException {
        assertThat(generate(2_000, 40, 7, 0.1)).isEqualTo(generate(2_000, 40, 7, 0.1))
                .isNotEqualTo(generate(2_000, 40, 8, 0.1));
    }

    @Test
    void writes_the_reference_columns_and_one_record_per_deal() throws IOException {
        String csv = generate(500, 20, 1, 0);

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", DealFileColumns.ALL));
        assertThat(parse(csv)).hasSize(500).allSatisfy(record -> assertThat(record.size()).isEqualTo(15));
    }

    @Test
    void every_clean_row_passes_the_domain_rules_and_each_hotel_keeps_its_details() throws IOException {
        Map<String, List<String>> hotelByPhone = new HashMap<>();
        for (CSVRecord row : parse(generate(3_000, 150, 42, 0))) {
            Hotel.validate(hotel(row));
            Deal.validate(deal(row));
            List<String> details = List.of(row.get("hotel_name"), row.get("hotel_city"), row.get("hotel_country"),
                    row.get("hotel_star_rating"));
            assertThat(hotelByPhone.computeIfAbsent(row.get("hotel_phone"), phone -> details)).isEqualTo(details);
            assertThat(LocalDate.parse(row.get("checkin_date"))).isBetween(DemoDeals.FIRST_CHECKIN,
                    DemoDeals.FIRST_CHECKIN.plusDays(364));
            assertThat(row.get("categories").isEmpty() ? 0 : row.get("categories").split(",").length).isBetween(0, 3);
        }
        assertThat(hotelByPhone).hasSizeBetween(140, 150);
    }

    @Test
    void a_dirty_rate_of_one_spoils_every_row_with_a_rule_an_import_enforces() throws IOException {
        Map<String, String> nameByPhone = new HashMap<>();
        parse(generate(2_000, 50, 3, 0)).forEach(row -> nameByPhone.put(row.get("hotel_phone"), row.get("hotel_name")));

        Set<String> dealIds = new HashSet<>();
        for (CSVRecord row : parse(generate(2_000, 50, 3, 1))) {
            String knownName = nameByPhone.get(row.get("hotel_phone"));
            boolean hotelConflict = knownName != null && !knownName.equals(row.get("hotel_name"));
            boolean repeated = !dealIds.add(row.get("deal_id"));
            boolean wrongFieldCount = row.size() != DealFileColumns.ALL.size();
            boolean future = row.get("created_at").startsWith("2999");
            assertThat(hotelConflict || repeated || wrongFieldCount || future || refused(row))
                    .as("row %s is spoiled", row.getRecordNumber()).isTrue();
        }
    }

    private static boolean refused(CSVRecord row) {
        try {
            Hotel.validate(hotel(row));
            Deal.validate(deal(row));
            return !Arrays.asList("true", "false").contains(row.get("is_available"));
        } catch (DomainException | NumberFormatException | DateTimeParseException refused) {
            return true;
        }
    }

    private static HotelDraft hotel(CSVRecord row) {
        return new HotelDraft(row.get("hotel_name"), row.get("hotel_city"), row.get("hotel_country"),
                row.get("hotel_phone"), Integer.valueOf(row.get("hotel_star_rating")));
    }

    private static DealDraft deal(CSVRecord row) {
        String categories = row.get("categories");
        return new DealDraft(1L, row.get("room_type"), new BigDecimal(row.get("price_per_night")),
                new BigDecimal(row.get("original_price")), Integer.valueOf(row.get("discount_percent")),
                LocalDate.parse(row.get("checkin_date")), LocalDate.parse(row.get("checkout_date")),
                Boolean.valueOf(row.get("is_available")), categories.isEmpty() ? List.of() : List.of(categories.split(",")),
                row.get("deal_id"));
    }
}
