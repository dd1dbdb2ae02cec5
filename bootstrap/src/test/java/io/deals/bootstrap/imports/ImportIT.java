package io.deals.bootstrap.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileException;
import io.deals.application.imports.ImportRejectedException;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportError;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportProgress;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.bootstrap.EmbeddedDealsTestBase;
import io.deals.bootstrap.demo.DemoDeals;
import io.deals.bootstrap.imports.DealsCsv.Hotel;
import io.deals.bootstrap.imports.StoredRows.Event;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.deal.DealId;
import io.deals.domain.hotel.HotelDraft;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.CREATED_AT;
import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The bulk import as an embedding program sees it: a deals file in, a report out, the database checked with SQL. */
class ImportIT extends EmbeddedDealsTestBase {

    // ---------------------------------------------------------------- a clean file, and the same file again

    /** Six deals of three hotels; Harbour's phone is written two ways, categories in every spelling. */
    private static DealsCsv cleanFile() {
        return DealsCsv.file().add(
                row("D-1", HARBOUR).set(DealFileColumns.CATEGORIES, "spa, Beach ,family"),
                row("D-2", HARBOUR.withPhone("+1 (416) 555-0100")).set(DealFileColumns.ROOM_TYPE, "Suite")
                        .prices("250.00", "250.00", "0").set(DealFileColumns.IS_AVAILABLE, "false")
                        .set(DealFileColumns.CATEGORIES, "").set(DealFileColumns.CREATED_AT, "2026-09-15 10:30:00"),
                row("D-3", RIVIERA).prices("80", "100", "").set(DealFileColumns.CHECKIN_DATE, "2027-06-01")
                        .set(DealFileColumns.CHECKOUT_DATE, "2027-06-15"),
                row("D-4", RIVIERA),
                row("D-5", CANAL).set(DealFileColumns.CREATED_AT, "2026-10-01T10:00:00+02:00"),
                row("D-6", CANAL));
    }

    @Test
    void a_clean_file_creates_each_hotel_once_per_phone_and_each_deal_as_written() {
        List<ImportProgress> progress = new ArrayList<>();

        ImportReport report = deals.importDeals().importDeals(new ImportDealsCommand(
                new ByteArrayInputStream(cleanFile().bytes()), ImportMode.LENIENT, progress::add));

        assertReport(report, 6, 6, 0, 0, 3, 0);
        assertThat(report.errors()).isEmpty();
        assertThat(progress).last().isEqualTo(new ImportProgress(6, true));

        assertThat(StoredRows.strings("SELECT name || '|' || city || '|' || country || '|' || phone || '|' || star_rating"
                + " || '|' || version FROM hotels")).containsExactlyInAnyOrder(
                "Harbour View|Toronto|Canada|+14165550100|4|1",
                "Riviera Palace|Nice|France|+33493000001|5|1",
                "Canal House|Amsterdam|Netherlands|+31205550002|3|1");

        DealView first = deal("D-1");
        assertThat(first.externalRef()).isEqualTo("D-1");
        assertThat(first.hotel().name()).isEqualTo("Harbour View");
        assertThat(first.hotel().city()).isEqualTo("Toronto");
        assertThat(first.hotel().country()).isEqualTo("Canada");
        assertThat(first.hotel().starRating()).isEqualTo(4);
        assertThat(first.roomType()).isEqualTo("Deluxe");
        assertThat(first.pricePerNight()).isEqualByComparingTo("129.99");
        assertThat(first.originalPrice()).isEqualByComparingTo("199.99");
        assertThat(first.discountPercent()).isEqualTo(35);
        assertThat(first.checkinDate()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(first.checkoutDate()).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(first.nights()).isEqualTo(3);
        assertThat(first.available()).isTrue();
        assertThat(first.categories()).containsExactly("beach", "family", "spa");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(Instant.parse(CREATED_AT));

        DealView second = deal("D-2");
        assertThat(second.hotel().id()).as("the same phone, written otherwise, is the same hotel")
                .isEqualTo(first.hotel().id());
        assertThat(second.roomType()).isEqualTo("Suite");
        assertThat(second.discountPercent()).isZero();
        assertThat(second.available()).isFalse();
        assertThat(second.categories()).isEmpty();
        assertThat(second.createdAt()).as("a timestamp without an offset is UTC")
                .isEqualTo(Instant.parse("2026-09-15T10:30:00Z"));

        DealView third = deal("D-3");
        assertThat(third.discountPercent()).as("a blank discount is derived from the prices").isEqualTo(20);
        assertThat(third.nights()).isEqualTo(14);
        assertThat(third.hotel().name()).isEqualTo("Riviera Palace");
        assertThat(deal("D-5").createdAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));

        assertThat(deals.deals().priceHistory(new DealId(first.id()))).hasValueSatisfying(periods ->
                assertThat(periods).containsExactly(new PricePeriod(first.pricePerNight(), first.originalPrice(), 35,
                        first.createdAt(), null)));
        assertThat(StoredRows.count("deal_price_history")).isEqualTo(6);
        assertThat(StoredRows.strings("SELECT name FROM categories ORDER BY name")).containsExactly("beach", "family", "spa");
        assertThat(StoredRows.count("deal_categories")).isEqualTo(3 + 0 + 2 * 4);

        List<Event> events = StoredRows.events();
        assertThat(events).hasSize(9);
        assertThat(events).filteredOn(e -> e.type().equals("deals.hotel.created"))
                .extracting(Event::aggregateId)
                .containsExactlyInAnyOrderElementsOf(StoredRows.strings("SELECT id FROM hotels").stream()
                        .map(Long::valueOf).toList());
        assertThat(events).filteredOn(e -> e.type().equals("deals.deal.created"))
                .extracting(Event::aggregateId)
                .containsExactlyInAnyOrderElementsOf(StoredRows.strings("SELECT id FROM deals").stream()
                        .map(Long::valueOf).toList());
        assertThat(events).extracting(Event::aggregateType).containsOnly("hotel", "deal");

        JsonNode payload = eventOf("deals.deal.created", first.id()).payload();
        assertThat(payload.get("id").asLong()).isEqualTo(first.id());
        assertThat(payload.get("external_ref").asText()).isEqualTo("D-1");
        assertThat(payload.get("hotel").get("id").asLong()).isEqualTo(first.hotel().id());
        assertThat(payload.get("hotel").get("name").asText()).isEqualTo("Harbour View");
        assertThat(payload.get("room_type").asText()).isEqualTo("Deluxe");
        assertThat(payload.get("price_per_night").decimalValue()).isEqualByComparingTo("129.99");
        assertThat(payload.get("original_price").decimalValue()).isEqualByComparingTo("199.99");
        assertThat(payload.get("discount_percent").asInt()).isEqualTo(35);
        assertThat(payload.get("checkin_date").asText()).isEqualTo("2027-12-01");
        assertThat(payload.get("checkout_date").asText()).isEqualTo("2027-12-04");
        assertThat(payload.get("nights").asInt()).isEqualTo(3);
        assertThat(payload.get("is_available").asBoolean()).isTrue();
        assertThat(texts(payload.get("categories"))).containsExactly("beach", "family", "spa");
        assertThat(payload.get("version").asLong()).isEqualTo(1);
        assertThat(payload.get("created_at").asText()).isEqualTo(CREATED_AT);
        JsonNode hotelPayload = eventOf("deals.hotel.created", first.hotel().id()).payload();
        assertThat(hotelPayload.get("phone").asText()).isEqualTo("+14165550100");
        assertThat(hotelPayload.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void an_imported_deal_records_the_same_event_as_a_deal_created_through_the_api() {
        long hotelId = deals.createHotel().create(new CreateHotelCommand(new HotelDraft("Harbour View", "Toronto",
                "Canada", "+1 (416) 555-0100", 4))).id();
        DealView created = deals.createDeal().create(new CreateDealCommand(new DealDraft(hotelId, "Deluxe",
                new BigDecimal("129.99"), new BigDecimal("199.99"), null, LocalDate.of(2027, 12, 1),
                LocalDate.of(2027, 12, 4), true, List.of(" Family ", "beach"), "API-1")));

        ImportReport report = lenient(DealsCsv.file().add(row("F-1", HARBOUR), row("F-2", RIVIERA)));

        assertReport(report, 2, 2, 0, 0, 1, 0);
        DealView imported = deal("F-1");
        assertThat(imported.hotel()).isEqualTo(created.hotel());
        assertThat(withoutIdentity(imported)).isEqualTo(withoutIdentity(created));

        JsonNode viaApi = eventOf("deals.deal.created", created.id()).payload();
        JsonNode viaFile = eventOf("deals.deal.created", imported.id()).payload();
        assertThat(paths(viaFile)).isEqualTo(paths(viaApi));
        assertThat(withoutIdentity(viaFile)).isEqualTo(withoutIdentity(viaApi));
        assertThat(viaFile.get("external_ref").asText()).isEqualTo("F-1");
        assertThat(viaFile.get("created_at").asText()).isEqualTo(CREATED_AT);

        JsonNode hotelViaApi = eventOf("deals.hotel.created", hotelId).payload();
        JsonNode hotelViaFile = eventOf("deals.hotel.created", deal("F-2").hotel().id()).payload();
        assertThat(paths(hotelViaFile)).isEqualTo(paths(hotelViaApi));
        assertThat(hotelViaFile.get("name").asText()).isEqualTo("Riviera Palace");
        assertThat(hotelViaFile.get("star_rating").asInt()).isEqualTo(5);
        assertThat(StoredRows.events()).extracting(Event::type).containsExactly("deals.hotel.created",
                "deals.deal.created", "deals.hotel.created", "deals.deal.created", "deals.deal.created");
    }

    @Test
    void importing_the_same_file_again_changes_nothing() {
        DealsCsv file = cleanFile();
        lenient(file);
        Map<String, List<String>> before = StoredRows.snapshot();

        ImportReport again = lenient(file);

        assertReport(again, 6, 0, 0, 6, 0, 0);
        assertThat(StoredRows.snapshot()).isEqualTo(before);
        assertThat(StoredRows.strings("SELECT DISTINCT version FROM deals")).containsExactly("1");
        assertThat(StoredRows.count("outbox_events")).isEqualTo(9);
        assertThat(StoredRows.count("deal_price_history")).isEqualTo(6);
    }

    @Test
    void a_row_writing_the_same_values_differently_leaves_its_deal_unchanged() {
        lenient(DealsCsv.file().add(row("D-1", HARBOUR)));
        Map<String, List<String>> before = StoredRows.snapshot();

        ImportReport again = lenient(DealsCsv.file().add(row("D-1", HARBOUR.withName("HARBOUR VIEW")
                .withCity("toronto").withPhone("+1 416-555-0100"))
                .prices("129.99", "199.99", "")
                .set(DealFileColumns.CATEGORIES, " FAMILY,beach,Beach")
                .set(DealFileColumns.IS_AVAILABLE, "TRUE")
                .set(DealFileColumns.CREATED_AT, "2026-01-01T00:00:00Z")));

        assertReport(again, 1, 0, 0, 1, 0, 0);
        assertThat(StoredRows.snapshot()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- files that change what is stored

    @Test
    void changed_rows_update_exactly_their_deals_with_events_and_a_new_price_period() {
        lenient(fiveDeals());
        Snapshot before = Snapshot.take();

        ImportReport report = lenient(DealsCsv.file().add(
                row("D-1", HARBOUR).prices("119.99", "199.99", "40"),
                row("D-2", HARBOUR).set(DealFileColumns.CATEGORIES, "luxury,beach"),
                row("D-3", RIVIERA).set(DealFileColumns.ROOM_TYPE, "Junior Suite"),
                row("D-4", RIVIERA),
                row("D-5", CANAL)));

        assertReport(report, 5, 0, 3, 2, 0, 0);
        assertUpdatedExactly(before, Set.of("D-1", "D-2", "D-3"), Set.of("D-1"));
        DealView cheaper = deal("D-1");
        assertThat(cheaper.pricePerNight()).isEqualByComparingTo("119.99");
        assertThat(cheaper.discountPercent()).isEqualTo(40);
        assertThat(deal("D-2").categories()).containsExactly("beach", "luxury");
        assertThat(deal("D-3").roomType()).isEqualTo("Junior Suite");
        assertThat(StoredRows.strings("SELECT name FROM categories ORDER BY name")).containsExactly("beach", "family",
                "luxury");
    }

    @Test
    void rows_changing_the_room_type_categories_availability_or_dates_update_only_their_deals() {
        lenient(fiveDeals());
        Snapshot before = Snapshot.take();

        ImportReport report = lenient(DealsCsv.file().add(
                row("D-1", HARBOUR).set(DealFileColumns.IS_AVAILABLE, "false"),
                row("D-2", HARBOUR).set(DealFileColumns.CATEGORIES, "luxury,beach"),
                row("D-3", RIVIERA).set(DealFileColumns.ROOM_TYPE, "Junior Suite"),
                row("D-4", RIVIERA).set(DealFileColumns.CHECKOUT_DATE, "2027-12-05"),
                row("D-5", CANAL)));

        assertReport(report, 5, 0, 4, 1, 0, 0);
        assertUpdatedExactly(before, Set.of("D-1", "D-2", "D-3", "D-4"), Set.of());
        assertThat(deal("D-1").available()).isFalse();
        assertThat(deal("D-2").categories()).containsExactly("beach", "luxury");
        assertThat(deal("D-3").roomType()).isEqualTo("Junior Suite");
        assertThat(deal("D-4").nights()).isEqualTo(4);
        JsonNode updated = lastEventOf("deals.deal.updated", "D-2").payload();
        assertThat(texts(updated.get("categories"))).containsExactly("beach", "luxury");
        assertThat(updated.get("version").asLong()).isEqualTo(2);
        assertThat(StoredRows.number("SELECT count(*) FROM deal_categories WHERE deal_id = ?", StoredRows.dealId("D-2")))
                .isEqualTo(2);
    }

    @Test
    void a_row_changing_its_price_with_its_room_type_updates_the_deal_and_closes_the_old_price_period() {
        lenient(fiveDeals());
        Snapshot before = Snapshot.take();

        ImportReport report = lenient(DealsCsv.file().add(
                row("D-1", HARBOUR).prices("119.99", "199.99", "40").set(DealFileColumns.ROOM_TYPE, "Superior"),
                row("D-2", HARBOUR), row("D-3", RIVIERA), row("D-4", RIVIERA), row("D-5", CANAL)));

        assertReport(report, 5, 0, 1, 4, 0, 0);
        assertUpdatedExactly(before, Set.of("D-1"), Set.of("D-1"));
        DealView changed = deal("D-1");
        assertThat(changed.pricePerNight()).isEqualByComparingTo("119.99");
        assertThat(changed.discountPercent()).isEqualTo(40);
        assertThat(changed.roomType()).isEqualTo("Superior");
        JsonNode priceChanged = lastEventOf("deals.deal.price_changed", "D-1").payload();
        assertThat(priceChanged.get("price_per_night").decimalValue()).isEqualByComparingTo("119.99");
        assertThat(priceChanged.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void importing_a_file_that_updated_deals_again_changes_nothing_more() {
        lenient(fiveDeals());
        DealsCsv changes = DealsCsv.file().add(
                row("D-1", HARBOUR).prices("119.99", "199.99", "40").set(DealFileColumns.ROOM_TYPE, "Superior"),
                row("D-2", HARBOUR).set(DealFileColumns.CATEGORIES, "spa"));
        assertReport(lenient(changes), 2, 0, 2, 0, 0, 0);
        Map<String, List<String>> before = StoredRows.snapshot();

        assertReport(lenient(changes), 2, 0, 0, 2, 0, 0);
        assertThat(StoredRows.snapshot()).isEqualTo(before);
    }

    @Test
    void a_row_naming_another_hotel_moves_its_deal_there() {
        lenient(fiveDeals());
        Snapshot before = Snapshot.take();

        ImportReport report = lenient(DealsCsv.file().add(row("D-5", RIVIERA)));

        assertReport(report, 1, 0, 1, 0, 0, 0);
        assertUpdatedExactly(before, Set.of("D-5"), Set.of());
        assertThat(deal("D-5").hotel().name()).isEqualTo("Riviera Palace");
        assertThat(lastEventOf("deals.deal.updated", "D-5").payload().get("hotel").get("name").asText())
                .isEqualTo("Riviera Palace");
    }

    @Test
    void imports_running_at_once_are_serialized_and_create_a_shared_new_hotel_once() throws Exception {
        DealsCsv first = DealsCsv.file();
        DealsCsv second = DealsCsv.file();
        for (int i = 1; i <= 300; i++) {
            first.add(row("A-" + i, i % 2 == 0 ? HARBOUR : CANAL));
            second.add(row("B-" + i, i % 2 == 0 ? CANAL : RIVIERA));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ImportReport>> running = List.of(first, second).stream()
                    .map(file -> pool.submit(() -> {
                        start.await();
                        return lenient(file);
                    })).toList();
            start.countDown();
            List<ImportReport> reports = new ArrayList<>();
            for (Future<ImportReport> report : running) {
                reports.add(report.get(60, TimeUnit.SECONDS));
            }

            assertThat(reports).extracting(ImportReport::dealsCreated).containsExactly(300L, 300L);
            assertThat(reports).extracting(ImportReport::rejected).containsExactly(0L, 0L);
            assertThat(reports.get(0).hotelsCreated() + reports.get(1).hotelsCreated()).isEqualTo(3);
            assertThat(StoredRows.count("hotels")).isEqualTo(3);
            assertThat(StoredRows.count("deals")).isEqualTo(600);
            assertThat(StoredRows.number("SELECT count(*) FROM outbox_events WHERE event_type = 'deals.hotel.created'"))
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_file_with_a_new_deal_id_adds_just_that_deal() {
        lenient(fiveDeals());
        Snapshot before = Snapshot.take();

        ImportReport report = lenient(fiveDeals().add(row("D-6", CANAL).set(DealFileColumns.ROOM_TYPE, "Twin")));

        assertReport(report, 6, 1, 0, 5, 0, 0);
        assertThat(StoredRows.count("deals")).isEqualTo(6);
        assertThat(StoredRows.count("hotels")).isEqualTo(3);
        assertThat(deal("D-6").roomType()).isEqualTo("Twin");
        assertThat(deal("D-6").hotel().name()).isEqualTo("Canal House");
        assertThat(StoredRows.eventsAfter(before.lastSeq())).extracting(Event::type, Event::aggregateId)
                .containsExactly(tuple("deals.deal.created", StoredRows.dealId("D-6")));
        assertThat(StoredRows.strings("SELECT external_ref || ':' || version FROM deals ORDER BY external_ref"))
                .containsExactly("D-1:1", "D-2:1", "D-3:1", "D-4:1", "D-5:1", "D-6:1");
    }

    // ---------------------------------------------------------------- strict and lenient

    @Test
    void strict_mode_with_one_bad_row_rejects_the_file_and_stores_nothing() {
        seedSomeData();
        Map<String, List<String>> before = StoredRows.snapshot();

        DealsCsv file = DealsCsv.file().add(
                row("D-1", HARBOUR).set(DealFileColumns.ROOM_TYPE, "Suite"),
                row("N-1", CANAL).set(DealFileColumns.CATEGORIES, "brand new"),
                row("N-2", CANAL).prices("-5", "199.99", ""),
                row("N-3", RIVIERA.withPhone("+33493000009").withName("Riviera Annex")));

        assertThatThrownBy(() -> strict(file))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> {
                    assertReport(rejected.report(), 4, 0, 0, 0, 0, 1);
                    assertThat(rejected.report().errors()).containsExactly(
                            new ImportError(4, "price_per_night", "must_be_positive", "must be greater than 0"));
                    assertThat(rejected.getMessage()).contains("1 of 4");
                });
        assertThat(StoredRows.snapshot()).isEqualTo(before);
    }

    @Test
    void strict_mode_with_a_row_refused_by_the_merge_stores_nothing_either() {
        seedSomeData();
        Map<String, List<String>> before = StoredRows.snapshot();

        DealsCsv file = DealsCsv.file().add(
                row("N-1", CANAL),
                row("N-2", HARBOUR.withName("Harbour Vista")),
                row("N-1", CANAL));

        assertThatThrownBy(() -> strict(file))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(lines(rejected.report()))
                        .containsExactly("3:hotel_phone:hotel_conflict", "4:deal_id:duplicate_in_file"));
        assertThat(StoredRows.snapshot()).as("the hotel the merge created is rolled back too").isEqualTo(before);
    }

    @ParameterizedTest(name = "lines ending with {0}")
    @ValueSource(strings = {"LF", "CRLF"})
    void lenient_mode_stores_the_good_rows_and_reports_the_bad_ones_by_physical_line(String ending) {
        String br = ending.equals("LF") ? "\n" : "\r\n";
        DealsCsv file = DealsCsv.file().add(
                row("D-1", HARBOUR).set(DealFileColumns.ROOM_TYPE, "Deluxe" + br + "Sea view" + br + "Balcony"), // 2-4
                row("D-2", HARBOUR).prices("-5", "199.99", ""),                                                   // 5
                DealsCsv.rawRow(""),                                                                                  // 6
                row("D-3", RIVIERA),                                                                              // 7
                row("D-4", RIVIERA).set(DealFileColumns.ORIGINAL_PRICE, "199.999").set(DealFileColumns.DISCOUNT_PERCENT, "")
                        .set(DealFileColumns.CHECKIN_DATE, "2027-12-10"),                                          // 8
                DealsCsv.rawRow("D-5,Harbour View,Toronto"),                                                           // 9
                row("D-6", CANAL).set(DealFileColumns.ROOM_TYPE, "Twin" + br + "Beds"),                                                                     // 10-11
                row("D-7", CANAL).set(DealFileColumns.IS_AVAILABLE, "maybe"));                                     // 12
        if (ending.equals("CRLF")) {
            file.crlf();
        }
        file.withoutFinalLineBreak();

        ImportReport report = lenient(file);

        assertReport(report, 7, 3, 0, 0, 3, 4);
        assertThat(lines(report)).containsExactly(
                "5:price_per_night:must_be_positive",
                "8:original_price:too_many_decimals",
                "8:checkout_date:checkout_not_after_checkin",
                "9:row:wrong_field_count",
                "12:is_available:invalid_format");
        assertThat(StoredRows.strings("SELECT external_ref FROM deals ORDER BY external_ref"))
                .containsExactly("D-1", "D-3", "D-6");
        assertThat(deal("D-1").roomType()).isEqualTo("Deluxe" + br + "Sea view" + br + "Balcony");
        assertThat(deal("D-6").roomType()).isEqualTo("Twin" + br + "Beds");
    }

    @Test
    void errors_are_capped_at_100_by_line_while_rejected_counts_every_bad_row() {
        DealsCsv file = DealsCsv.file();
        for (int i = 1; i <= 10; i++) {
            file.add(row("G-" + i, HARBOUR));                                          // lines 2-11
        }
        for (int i = 0; i < 150; i++) {                                              // lines 12-161
            file.add(i % 2 == 0 ? row("B-" + i, HARBOUR).prices("-1", "199.99", "") : row("G-1", HARBOUR));
        }

        ImportReport report = lenient(file);

        assertReport(report, 160, 10, 0, 0, 1, 150);
        assertThat(report.errors()).hasSize(ImportReport.MAX_ERRORS);
        assertThat(report.errors()).extracting(ImportError::line)
                .containsExactlyElementsOf(LongStream.rangeClosed(12, 111).boxed().toList());
        assertThat(report.errors()).allSatisfy(error -> assertThat(error.code()).isEqualTo(
                error.line() % 2 == 0 ? "must_be_positive" : "duplicate_in_file"));
        assertThat(report.errors()).filteredOn(error -> error.code().equals("duplicate_in_file"))
                .allSatisfy(error -> assertThat(error.message()).isEqualTo("repeats the deal_id of line 2"));
        assertThat(StoredRows.count("deals")).isEqualTo(10);
    }

    // ---------------------------------------------------------------- hotel conflicts

    @Test
    void a_phone_of_a_stored_hotel_with_another_name_city_or_country_is_a_hotel_conflict() {
        long stored = storeHarbourViaApi();
        List<String> hotelsBefore = StoredRows.snapshot().get("hotels");

        ImportReport report = lenient(DealsCsv.file().add(
                row("C-1", HARBOUR.withName("Harbour Vista")),
                row("C-2", HARBOUR.withCity("Ottawa")),
                row("C-3", HARBOUR.withCountry("Canada ").withCity("Toronto").withName("Harbour View")
                        .withPhone("+1.416.555.0100")),
                row("C-4", HARBOUR.withCountry("United States"))));

        assertReport(report, 4, 1, 0, 0, 0, 3);
        assertThat(lines(report)).containsExactly("2:hotel_phone:hotel_conflict", "3:hotel_phone:hotel_conflict",
                "5:hotel_phone:hotel_conflict");
        assertThat(report.errors()).allSatisfy(error -> assertThat(error.message())
                .isEqualTo("the phone belongs to another hotel: Harbour View in Toronto, Canada"));
        assertThat(deal("C-3").hotel().id()).isEqualTo(stored);
        assertThat(StoredRows.snapshot().get("hotels")).isEqualTo(hotelsBefore);
        assertThat(StoredRows.strings("SELECT external_ref FROM deals")).containsExactly("C-3");
    }

    @Test
    void a_new_phone_repeated_in_the_file_with_another_city_conflicts_with_its_first_row() {
        Hotel paris = new Hotel("Lumiere", "Paris", "France", "+33140000001", 3);

        ImportReport report = lenient(DealsCsv.file().add(
                row("C-1", paris),
                row("C-2", paris.withCity("Lyon")),
                row("C-3", paris.withName("LUMIERE").withCity("paris"))));

        assertReport(report, 3, 2, 0, 0, 1, 1);
        assertThat(lines(report)).containsExactly("3:hotel_phone:hotel_conflict");
        assertThat(report.errors().get(0).message())
                .isEqualTo("the phone belongs to another hotel: Lumiere in Paris, France");
        assertThat(StoredRows.strings("SELECT name || '|' || city FROM hotels")).containsExactly("Lumiere|Paris");
        assertThat(deal("C-3").hotel().id()).isEqualTo(deal("C-1").hotel().id());
    }

    @Test
    void a_new_phone_whose_name_city_and_country_another_hotel_has_is_a_conflict_on_hotel_name() {
        storeHarbourViaApi();
        Hotel twin = new Hotel("Twin Towers Inn", "Lisbon", "Portugal", "+351210000001", 2);

        ImportReport report = lenient(DealsCsv.file().add(
                row("C-1", HARBOUR.withName("harbour VIEW").withCity("TORONTO").withCountry("canada")
                        .withPhone("+14165559999")),
                row("C-2", twin),
                row("C-3", twin.withPhone("+351210000002").withName("TWIN TOWERS INN"))));

        assertReport(report, 3, 1, 0, 0, 1, 2);
        assertThat(lines(report)).containsExactly("2:hotel_name:hotel_conflict", "4:hotel_name:hotel_conflict");
        assertThat(report.errors()).allSatisfy(error -> assertThat(error.message())
                .isEqualTo("a hotel with another phone has this name, city and country"));
        assertThat(StoredRows.strings("SELECT phone FROM hotels ORDER BY phone"))
                .containsExactly("+14165550100", "+351210000001");
        assertThat(StoredRows.strings("SELECT external_ref FROM deals")).containsExactly("C-2");
    }

    @Test
    void a_phone_given_earlier_to_a_hotel_that_could_not_be_created_is_explained_by_that_line() {
        storeHarbourViaApi();

        ImportReport report = lenient(DealsCsv.file().add(
                row("P-1", HARBOUR.withPhone("+14165559999")),
                row("P-2", HARBOUR.withPhone("+14165559999").withName("Quay Lodge"))));

        assertThat(report.errors()).containsExactly(
                new ImportError(2, "hotel_name", "hotel_conflict", "a hotel with another phone has this name, city and country"),
                new ImportError(3, "hotel_phone", "hotel_conflict",
                        "line 2 gives this phone to another hotel, which could not be created"));
        assertThat(StoredRows.count("deals")).isZero();
    }

    @Test
    void the_same_hotel_written_in_another_case_is_not_a_conflict_and_keeps_its_stored_spelling() {
        long stored = storeHarbourViaApi();

        ImportReport report = lenient(DealsCsv.file().add(
                row("C-1", HARBOUR.withName("HARBOUR VIEW").withCity("toronto").withCountry("CANADA"))));

        assertReport(report, 1, 1, 0, 0, 0, 0);
        assertThat(deal("C-1").hotel().id()).isEqualTo(stored);
        assertThat(deal("C-1").hotel().name()).isEqualTo("Harbour View");
        assertThat(StoredRows.strings("SELECT name || '|' || city || '|' || country || '|' || version FROM hotels"))
                .containsExactly("Harbour View|Toronto|Canada|1");
    }

    // ---------------------------------------------------------------- repeats

    @Test
    void a_later_row_repeating_a_deal_id_is_refused_and_creates_nothing_not_even_its_hotel() {
        ImportReport report = lenient(DealsCsv.file().add(
                row("D-1", HARBOUR),
                row("D-2", RIVIERA),
                row("D-1", CANAL).set(DealFileColumns.ROOM_TYPE, "Penthouse").set(DealFileColumns.CATEGORIES, "rooftop")));

        assertReport(report, 3, 2, 0, 0, 2, 1);
        assertThat(report.errors()).containsExactly(
                new ImportError(4, "deal_id", "duplicate_in_file", "repeats the deal_id of line 2"));
        assertThat(StoredRows.strings("SELECT phone FROM hotels ORDER BY phone"))
                .containsExactly("+14165550100", "+33493000001");
        assertThat(deal("D-1").roomType()).isEqualTo("Deluxe");
        assertThat(deal("D-1").hotel().name()).isEqualTo("Harbour View");
        assertThat(StoredRows.strings("SELECT name FROM categories ORDER BY name")).containsExactly("beach", "family");
        assertThat(StoredRows.count("outbox_events")).isEqualTo(4);
    }

    // ---------------------------------------------------------------- files that cannot be read

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,original_price,"
                    + "discount_percent,checkin_date,checkout_date,is_available,categories|missing column price_per_night",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,price_per_night,"
                    + "original_price,discount_percent,checkin_date,checkout_date,is_available|missing column categories",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,price_per_night,"
                    + "original_price,discount_percent,checkin_date,checkout_date,is_available,categories,colour"
                    + "|unknown column \"colour\"",
            "deal_id,hotel_name,hotel_city,hotel_country,hotel_phone,hotel_star_rating,room_type,price_per_night,"
                    + "original_price,discount_percent,checkin_date,checkout_date,is_available,categories,room_type"
                    + "|repeated column room_type"})
    void a_header_missing_a_required_column_or_naming_an_unknown_one_stores_nothing(String headerAndProblem) {
        String[] columns = headerAndProblem.split("\\|")[0].split(",");
        String problem = headerAndProblem.split("\\|")[1];
        seedSomeData();
        Map<String, List<String>> before = StoredRows.snapshot();
        DealsCsv file = DealsCsv.withColumns(columns).add(row("N-1", CANAL), row("D-1", HARBOUR).prices("99", "199.99", ""));

        assertThatThrownBy(() -> lenient(file))
                .isInstanceOf(DealFileException.class)
                .hasMessageContaining(problem);
        assertThat(StoredRows.snapshot()).isEqualTo(before);
    }

    @Test
    void a_broken_quote_after_valid_rows_fails_the_file_and_stores_none_of_them() {
        seedSomeData();
        Map<String, List<String>> before = StoredRows.snapshot();
        DealsCsv file = DealsCsv.file().add(row("N-1", CANAL), row("N-2", CANAL.withPhone("+31205550003")
                .withName("Canal Annex")), DealsCsv.rawRow("N-3,\"Broken \"quote\",Amsterdam"));

        assertThatThrownBy(() -> lenient(file))
                .isInstanceOf(DealFileException.class)
                .hasMessageContaining("not valid CSV");
        assertThat(StoredRows.snapshot()).isEqualTo(before);
    }

    @Test
    void created_at_may_be_left_out_columns_come_in_any_order_and_blank_values_take_the_api_defaults() {
        DealsCsv file = DealsCsv.withColumns("checkout_date", "checkin_date", "categories", "original_price",
                "price_per_night", "is_available", "room_type", "hotel_star_rating", "discount_percent", "hotel_phone",
                "hotel_country", "hotel_city", "hotel_name", "deal_id");
        file.add(row("O-1", HARBOUR).prices("80", "100", "").set(DealFileColumns.IS_AVAILABLE, "")
                .set(DealFileColumns.CATEGORIES, ""));
        Instant started = Instant.now();

        ImportReport report = lenient(file);

        assertReport(report, 1, 1, 0, 0, 1, 0);
        DealView imported = deal("O-1");
        assertThat(imported.discountPercent()).isEqualTo(20);
        assertThat(imported.available()).isTrue();
        assertThat(imported.categories()).isEmpty();
        assertThat(imported.createdAt()).isAfterOrEqualTo(started.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
        assertThat(imported.hotel().name()).isEqualTo("Harbour View");
        assertThat(imported.nights()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- the dirty demo file

    @Test
    void the_dirty_demo_file_stores_every_good_row_as_written_and_rejects_every_other_one() throws IOException {
        StringWriter text = new StringWriter();
        new DemoDeals(3000, 40, 11, 0.2).writeTo(text);

        ImportReport report = lenient(text.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(report.rowsRead()).isEqualTo(3000);
        assertThat(report.dealsCreated() + report.rejected()).isEqualTo(report.rowsRead());
        assertThat(report.dealsUpdated() + report.dealsUnchanged()).isZero();
        assertThat(report.rejected()).isBetween(400L, 900L);
        assertThat(report.errors()).hasSize(ImportReport.MAX_ERRORS);
        assertThat(report.errors()).extracting(ImportError::line).isSorted();

        // What the file says of each row, by physical line (the demo writes no line breaks inside fields).
        Map<Long, CSVRecord> byLine = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.toString()))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            long line = 2;
            for (CSVRecord record : parser) {
                byLine.put(line++, record);
            }
        }
        assertThat(byLine).hasSize(3000);
        Map<String, String> stored = StoredRows.strings("SELECT d.external_ref || '|' || h.phone || '|' || h.name || '|'"
                        + " || d.room_type || '|' || d.price_per_night || '|' || d.original_price || '|'"
                        + " || d.checkin_date || '|' || d.checkout_date || '|' || d.is_available"
                        + " FROM deals d JOIN hotels h ON h.id = d.hotel_id").stream()
                .collect(Collectors.toMap(row -> row.split("\\|")[0], row -> row));
        // Each stored deal is the first row with its deal_id that passed the rules; every other row was refused.
        List<Long> notStored = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (long line = 2; line <= 3001; line++) {
            CSVRecord record = byLine.get(line);
            String ref = record.get("deal_id");
            String written = String.join("|", ref, record.get("hotel_phone"), record.get("hotel_name"),
                    record.get("room_type"), record.get("price_per_night"), record.get("original_price"),
                    record.get("checkin_date"), record.get("checkout_date"), record.get("is_available"));
            if (!taken.contains(ref) && written.equals(stored.get(ref))) {
                taken.add(ref);
            } else {
                notStored.add(line);
            }
        }
        assertThat(taken).as("every stored deal is a row of the file").hasSize(stored.size());
        assertThat(notStored).as("the rows not stored are the rejected ones").hasSize((int) report.rejected());
        Set<Long> reportedLines = new LinkedHashSet<>(report.errors().stream().map(ImportError::line).toList());
        assertThat(reportedLines).as("the errors are those of the first rejected rows, by line")
                .containsExactlyElementsOf(notStored.subList(0, reportedLines.size()));
        Set<String> codes = report.errors().stream().map(ImportError::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).contains("must_be_positive", "too_many_decimals", "price_above_original", "inconsistent_discount",
                        "checkout_not_after_checkin", "stay_too_long", "invalid_format", "out_of_range",
                        "hotel_conflict", "required", "too_many", "too_long", "duplicate_in_file", "wrong_field_count");
        assertThat(StoredRows.count("outbox_events"))
                .isEqualTo(report.dealsCreated() + report.hotelsCreated());
        assertThat(StoredRows.count("deal_price_history")).isEqualTo(report.dealsCreated());
    }

    // ---------------------------------------------------------------- helpers

    /** D-1, D-2 at Harbour; D-3, D-4 at Riviera; D-5 at Canal; all the default terms. */
    private static DealsCsv fiveDeals() {
        return DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", HARBOUR), row("D-3", RIVIERA),
                row("D-4", RIVIERA), row("D-5", CANAL));
    }

    /** Two hotels, three imported deals and one created through the API: "before" is never empty. */
    private static void seedSomeData() {
        lenient(DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA), row("D-3", RIVIERA)));
        deals.createDeal().create(new CreateDealCommand(new DealDraft(deal("D-1").hotel().id(), "Twin",
                new BigDecimal("90.00"), new BigDecimal("100.00"), null, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 2), true, List.of("city break"), "API-1")));
        assertThat(StoredRows.counts()).doesNotContainValue(0L);
    }

    private static long storeHarbourViaApi() {
        return deals.createHotel().create(new CreateHotelCommand(new HotelDraft(HARBOUR.name(), HARBOUR.city(),
                HARBOUR.country(), HARBOUR.phone(), HARBOUR.stars()))).id();
    }

    /** What a deal and its neighbours looked like before a file changed some of them. */
    private record Snapshot(Map<String, DealView> deals, long lastSeq) {

        static Snapshot take() {
            Map<String, DealView> views = new HashMap<>();
            StoredRows.strings("SELECT external_ref FROM deals").forEach(ref -> views.put(ref, deal(ref)));
            return new Snapshot(views, StoredRows.lastSeq());
        }
    }

    /**
     * Exactly {@code updated} went to version 2 with a new updated_at and one updated event each,
     * {@code priceChanged} of them also a price_changed event (after the updated one) and a new
     * price period that starts where the old one ends; the others kept everything.
     */
    private static void assertUpdatedExactly(Snapshot before, Set<String> updated, Set<String> priceChanged) {
        for (Map.Entry<String, DealView> entry : before.deals().entrySet()) {
            String ref = entry.getKey();
            DealView was = entry.getValue();
            DealView now = deal(ref);
            List<PricePeriod> periods = deals.deals().priceHistory(new DealId(was.id())).orElseThrow();
            if (updated.contains(ref)) {
                assertThat(now.version()).as("version of %s", ref).isEqualTo(was.version() + 1);
                assertThat(now.updatedAt()).as("updated_at of %s", ref).isAfter(was.updatedAt());
                assertThat(now.createdAt()).as("created_at of %s", ref).isEqualTo(was.createdAt());
            } else {
                assertThat(now).as("unchanged %s", ref).isEqualTo(was);
            }
            if (priceChanged.contains(ref)) {
                assertThat(periods).as("price periods of %s", ref).hasSize(2);
                PricePeriod old = periods.get(0);
                PricePeriod current = periods.get(1);
                assertThat(old.pricePerNight()).isEqualByComparingTo(was.pricePerNight());
                assertThat(old.validFrom()).isEqualTo(was.createdAt());
                assertThat(old.validTo()).isEqualTo(current.validFrom()).isEqualTo(now.updatedAt());
                assertThat(current.pricePerNight()).isEqualByComparingTo(now.pricePerNight());
                assertThat(current.originalPrice()).isEqualByComparingTo(now.originalPrice());
                assertThat(current.discountPercent()).isEqualTo(now.discountPercent());
                assertThat(current.validTo()).isNull();
            } else {
                assertThat(periods).as("price periods of %s", ref).hasSize(1);
                assertThat(periods.get(0).validTo()).isNull();
            }
        }
        List<Event> events = StoredRows.eventsAfter(before.lastSeq());
        List<String> expected = new ArrayList<>();
        updated.forEach(ref -> expected.add("deals.deal.updated:" + ref));
        priceChanged.forEach(ref -> expected.add("deals.deal.price_changed:" + ref));
        Map<Long, String> refOf = new HashMap<>();
        before.deals().forEach((ref, view) -> refOf.put(view.id(), ref));
        assertThat(events).extracting(e -> e.type() + ":" + refOf.get(e.aggregateId()))
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Event event : events) {
            String ref = refOf.get(event.aggregateId());
            assertThat(event.payload().get("version").asLong()).as("version in %s", event).isEqualTo(2);
            assertThat(event.payload().get("external_ref").asText()).isEqualTo(ref);
            if (event.type().equals("deals.deal.price_changed")) {
                assertThat(events).filteredOn(e -> e.aggregateId() == event.aggregateId()
                        && e.type().equals("deals.deal.updated"))
                        .singleElement().satisfies(e -> assertThat(e.seq()).isLessThan(event.seq()));
            }
        }
    }

    private static ImportReport lenient(DealsCsv file) {
        return lenient(file.bytes());
    }

    private static ImportReport lenient(byte[] file) {
        return deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(file), ImportMode.LENIENT));
    }

    private static ImportReport strict(DealsCsv file) {
        return deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(file.bytes()),
                ImportMode.STRICT));
    }

    private static void assertReport(ImportReport report, long read, long created, long updated, long unchanged,
                                     long hotels, long rejected) {
        assertThat(new long[] {report.rowsRead(), report.dealsCreated(), report.dealsUpdated(), report.dealsUnchanged(),
                report.hotelsCreated(), report.rejected()})
                .as("read, created, updated, unchanged, hotels created, rejected of %s", report)
                .containsExactly(read, created, updated, unchanged, hotels, rejected);
    }

    /** Each error as {@code line:field:code}, in the report's order. */
    private static List<String> lines(ImportReport report) {
        return report.errors().stream().map(e -> e.line() + ":" + e.field() + ":" + e.code()).toList();
    }

    static DealView deal(String externalRef) {
        return deals.deals().find(new DealId(StoredRows.dealId(externalRef))).orElseThrow();
    }

    private static Event eventOf(String type, long aggregateId) {
        List<Event> matching = StoredRows.events().stream()
                .filter(e -> e.type().equals(type) && e.aggregateId() == aggregateId).toList();
        assertThat(matching).as("%s events of %d", type, aggregateId).hasSize(1);
        return matching.get(0);
    }

    private static Event lastEventOf(String type, String externalRef) {
        long id = StoredRows.dealId(externalRef);
        List<Event> matching = StoredRows.events().stream()
                .filter(e -> e.type().equals(type) && e.aggregateId() == id).toList();
        assertThat(matching).as("%s events of %s", type, externalRef).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Every field path of a JSON object ({@code hotel.name}, ...), to compare shapes. */
    private static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            paths.add(field.getKey() + ":" + field.getValue().getNodeType());
            if (field.getValue().isObject()) {
                paths(field.getValue()).forEach(inner -> paths.add(field.getKey() + "." + inner));
            }
        }
        return paths;
    }

    private static JsonNode withoutIdentity(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove(List.of("id", "external_ref", "created_at", "updated_at"));
        return copy;
    }

    private static DealView withoutIdentity(DealView view) {
        return new DealView(0, null, view.hotel(), view.roomType(), view.pricePerNight(), view.originalPrice(),
                view.discountPercent(), view.checkinDate(), view.checkoutDate(), view.nights(), view.available(),
                view.categories(), view.version(), null, null);
    }
}
