package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.in.EventQueries;
import io.deals.application.imports.DealFileColumns;
import io.deals.bootstrap.Deals;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.imports.DealsCsv;
import io.deals.bootstrap.imports.DealsCsv.Hotel;
import io.deals.bootstrap.imports.StoredRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's {@code data} is byte for byte what {@code GET} answered at that version (API.md,
 * "Events"), whichever write recorded it: the API's own, or a strict or lenient import. Each GET is
 * made right after the change (before it, for a delete); the texts are compared, not parsed JSON.
 */
class EventRepresentationIT extends ApiTestBase {

    private static final Hotel OCEAN = new Hotel("Ocean Lodge", "Porto", "Portugal", "+351220000003", 4);

    private static EventQueries feed;

    /** What the feed must hold next, in order; and where the events checked so far end. */
    private final List<String> expected = new ArrayList<>();
    private long checkedThrough;

    @BeforeAll
    static void embed() {
        feed = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS).events();
    }

    @Test
    void every_write_through_the_api_records_the_body_get_answered_at_that_version() {
        long hotelId = createHotel();
        expect("/hotels/" + hotelId, "deals.hotel.created");
        assertRecorded("a hotel created");

        changed(api.patch("/hotels/" + hotelId, "{\"star_rating\": 5}", "If-Match", "\"1\""));
        expect("/hotels/" + hotelId, "deals.hotel.updated");
        assertRecorded("a hotel patched");

        long dealId = createDeal(hotelId).id();
        expect("/deals/" + dealId, "deals.deal.created");
        assertRecorded("a deal created");

        changed(api.patch("/deals/" + dealId, "{\"room_type\": \"Suite\", \"categories\": [\"spa\"]}", "If-Match", "\"1\""));
        expect("/deals/" + dealId, "deals.deal.updated");
        assertRecorded("a deal patched without a price");

        changed(api.patch("/deals/" + dealId, "{\"price_per_night\": 99.99, \"version\": 2}",
                "Content-Type", "application/merge-patch+json"));
        expect("/deals/" + dealId, "deals.deal.updated", "deals.deal.price_changed");
        assertRecorded("a deal's price patched");

        changed(api.patch("/deals/" + dealId, "{\"discount_percent\": 51}", "If-Match", "\"3\""));
        expect("/deals/" + dealId, "deals.deal.updated", "deals.deal.price_changed");
        assertRecorded("a deal's discount patched alone");

        // The deal embeds its hotel: renaming the hotel changes what GET answers for the deal too.
        changed(api.patch("/hotels/" + hotelId, "{\"name\": \"Harbour View Ω \\\"Grand\\\" ✓\"}", "If-Match", "\"2\""));
        expect("/hotels/" + hotelId, "deals.hotel.updated");
        assertRecorded("a hotel renamed with characters JSON escapes or keeps");

        expect("/deals/" + dealId, "deals.deal.deleted");
        assertThat(api.delete("/deals/" + dealId).status()).isEqualTo(204);
        assertRecorded("a deal deleted");

        expect("/hotels/" + hotelId, "deals.hotel.deleted");
        assertThat(api.delete("/hotels/" + hotelId, "If-Match", "\"3\"").status()).isEqualTo(204);
        assertRecorded("a hotel deleted");
    }

    /**
     * Imports record every created hotel's event, then per deal in id order its created or updated
     * event and, when a price changed, its price_changed event; a refused strict import records none.
     */
    @Test
    void strict_and_lenient_imports_record_the_body_get_answers_for_every_hotel_and_deal_they_create_or_change() {
        long harbour = createHotel();
        expect("/hotels/" + harbour, "deals.hotel.created");
        assertRecorded("a hotel created through the API");

        imported("?mode=lenient", DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA), row("D-3", CANAL),
                row("D-4", RIVIERA).prices("-5", "199.99", ""),
                row("D-5", RIVIERA).set(DealFileColumns.CATEGORIES, "luxury,Spa")), 200);
        expectHotels(RIVIERA, CANAL);
        expectDeals("deals.deal.created", "D-1", "D-2", "D-3", "D-5");
        assertRecorded("a lenient import creating hotels and deals, one row refused");

        imported("?mode=strict", DealsCsv.file().add(row("D-1", HARBOUR).prices("99.99", "199.99", ""),
                row("D-2", RIVIERA).set(DealFileColumns.ROOM_TYPE, "Suite"), row("D-3", CANAL),
                row("D-5", RIVIERA).set(DealFileColumns.CATEGORIES, "luxury,Spa").set(DealFileColumns.DISCOUNT_PERCENT, "36"),
                row("D-6", OCEAN)), 200);
        expectHotels(OCEAN);
        expectDeal("D-1", "deals.deal.updated", "deals.deal.price_changed");
        expectDeal("D-2", "deals.deal.updated");
        expectDeal("D-5", "deals.deal.updated", "deals.deal.price_changed");
        expectDeal("D-6", "deals.deal.created");
        assertRecorded("a strict import updating prices, a room type and a discount alone, one row unchanged");

        imported("?mode=strict", DealsCsv.file().add(row("D-7", HARBOUR), row("D-8", HARBOUR).prices("0", "199.99", "")),
                422);
        assertRecorded("a refused strict import");

        imported("", DealsCsv.file().add(row("D-2", RIVIERA).prices("150.00", "200.00", "")
                        .set(DealFileColumns.ROOM_TYPE, "Suite"), row("D-7", HARBOUR).set(DealFileColumns.CATEGORIES, ""),
                row("D-9", CANAL).set(DealFileColumns.CHECKOUT_DATE, "2027-11-01")), 200);
        expectDeal("D-2", "deals.deal.updated", "deals.deal.price_changed");
        expectDeal("D-7", "deals.deal.created");
        assertRecorded("a lenient import of an update and a creation into existing hotels, one row refused");

        long d1 = StoredRows.dealId("D-1");
        expect("/deals/" + d1, "deals.deal.deleted");
        assertThat(api.delete("/deals/" + d1).status()).isEqualTo(204);
        assertRecorded("an imported deal deleted");
    }

    // ---------------------------------------------------------------- expectations

    private static void changed(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private static void imported(String query, DealsCsv file, int status) {
        Reply report = api.send("POST", "/imports" + query, BodyPublishers.ofString(file.text()), "Content-Type", "text/csv");
        assertThat(report.status()).as(report.text()).isEqualTo(status);
    }

    /** The resource at {@code path} as GET answers it now is the data of these next events. */
    private void expect(String path, String... types) {
        Reply current = api.get(path);
        assertThat(current.status()).as("GET %s: %s", path, current.text()).isEqualTo(200);
        String key = path.substring(1, path.lastIndexOf('/') - 1) + "-" + path.substring(path.lastIndexOf('/') + 1);
        for (String type : types) {
            expected.add(line(type, key, current.text()));
        }
    }

    /** The hotels an import created, found by phone, in id order (the order they were created in). */
    private void expectHotels(Hotel... created) {
        List<Long> ids = new ArrayList<>();
        for (Hotel hotel : created) {
            ids.add(StoredRows.number("SELECT id FROM hotels WHERE phone = ?", hotel.phone()));
        }
        ids.stream().sorted().forEach(id -> expect("/hotels/" + id, "deals.hotel.created"));
    }

    /** These deals, in id order, each with one event of this type. */
    private void expectDeals(String type, String... externalRefs) {
        List<Long> ids = new ArrayList<>();
        for (String ref : externalRefs) {
            ids.add(StoredRows.dealId(ref));
        }
        ids.stream().sorted().forEach(id -> expect("/deals/" + id, type));
    }

    private void expectDeal(String externalRef, String... types) {
        expect("/deals/" + StoredRows.dealId(externalRef), types);
    }

    /** The feed after what was checked before holds exactly what is expected, in order. */
    private void assertRecorded(String what) {
        List<String> recorded = new ArrayList<>();
        for (EventPage page = feed.page(checkedThrough, 1000, EventFilter.ALL); ;
             page = feed.page(page.nextAfter(), 1000, EventFilter.ALL)) {
            page.items().forEach(event -> recorded.add(line(event)));
            checkedThrough = page.nextAfter();
            if (page.items().size() < 1000) {
                break;
            }
        }
        assertThat(recorded).as("events of %s", what).containsExactlyElementsOf(expected);
        expected.clear();
    }

    private static String line(String type, String key, String data) {
        return type + " " + key + " " + data;
    }

    private static String line(ChangeEvent event) {
        return line(event.type(), event.key(), event.data());
    }
}
