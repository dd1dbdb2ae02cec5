package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.bootstrap.Deals;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /events}: the feed page by page, its filters, and its strict parameters. */
class EventFeedIT extends ApiTestBase {

    private static Deals deals;

    @BeforeAll
    static void embed() {
        deals = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS);
    }

    @AfterAll
    static void close() {
        deals.close();
    }

    /**
     * Seven events: 1 hotel 1 created; 2, 3, 4 deals 1, 2, 3 created; 5, 6 deal 2 updated and its
     * price changed; 7 deal 3 deleted.
     */
    static void recordSevenEvents() {
        long hotelId = createHotel();
        for (String ref : List.of("D-1", "D-2", "D-3")) {
            createDeal(dealJson(hotelId).replace("D-001017", ref));
        }
        assertThat(api.patch("/deals/2", "{\"price_per_night\": 99.99}", "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(api.delete("/deals/3").status()).isEqualTo(204);
    }

    @Test
    void pages_follow_next_after_through_the_feed_each_event_exactly_as_recorded() {
        recordSevenEvents();
        List<ChangeEvent> recorded = deals.events().page(null, 1000, EventFilter.ALL).items();
        assertThat(recorded).extracting(ChangeEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        Reply first = api.get("/events?limit=3");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.text()).as("the CloudEvent texts themselves, not written again")
                .isEqualTo("{\"items\":[" + cloudEvents(recorded.subList(0, 3)) + "],\"next_after\":3}");

        assertThat(seqs(api.get("/events?after=3&limit=3"))).containsExactly(4L, 5L, 6L);
        Reply last = api.get("/events?after=6&limit=3");
        assertThat(seqs(last)).containsExactly(7L);
        assertThat(last.json().get("next_after").asLong()).isEqualTo(7);
        Reply past = api.get("/events?after=7");
        assertThat(seqs(past)).isEmpty();
        assertThat(past.json().get("next_after").asLong()).as("stays at the head").isEqualTo(7);

        Reply all = api.get("/events");
        assertThat(all.text()).isEqualTo("{\"items\":[" + cloudEvents(recorded) + "],\"next_after\":7}");
        JsonNode updated = all.json().get("items").get(4);
        assertThat(updated.get("specversion").asText()).isEqualTo("1.0");
        assertThat(updated.get("type").asText()).isEqualTo("deals.deal.updated");
        assertThat(updated.get("source").asText()).isEqualTo("/deals");
        assertThat(updated.get("subject").asText()).isEqualTo("2");
        assertThat(updated.get("data").get("price_per_night").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(updated.get("data").get("version").asLong()).isEqualTo(2);
    }

    @Test
    void filters_by_types_and_subject_and_moves_past_what_they_skip() {
        recordSevenEvents();

        assertThat(seqs(api.get("/events?type=deals.deal.created&type=deals.deal.deleted"))).containsExactly(2L, 3L, 4L, 7L);
        assertThat(seqs(api.get("/events?subject=2"))).containsExactly(3L, 5L, 6L);
        assertThat(seqs(api.get("/events?subject=2&type=deals.deal.price_changed&type=deals.hotel.created")))
                .containsExactly(6L);

        Reply created = api.get("/events?type=deals.deal.created&limit=2");
        assertThat(seqs(created)).containsExactly(2L, 3L);
        assertThat(created.json().get("next_after").asLong()).isEqualTo(3);
        Reply rest = api.get("/events?type=deals.deal.created&limit=2&after=3");
        assertThat(seqs(rest)).containsExactly(4L);
        assertThat(rest.json().get("next_after").asLong()).as("past the skipped events, to the head").isEqualTo(7);

        Reply none = api.get("/events?type=deals.hotel.deleted");
        assertThat(seqs(none)).isEmpty();
        assertThat(none.json().get("next_after").asLong()).isEqualTo(7);
    }

    @Test
    void every_malformed_unknown_or_repeated_parameter_is_a_400_naming_it() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("after=-1", "after:invalid"),
                Map.entry("after=x", "after:invalid"),
                Map.entry("after=1.5", "after:invalid"),
                Map.entry("after=", "after:invalid"),
                Map.entry("after=99999999999999999999", "after:invalid"),
                Map.entry("after=1&after=2", "after:repeated"),
                Map.entry("limit=0", "limit:invalid"),
                Map.entry("limit=1001", "limit:invalid"),
                Map.entry("limit=ten", "limit:invalid"),
                Map.entry("limit=5&limit=5", "limit:repeated"),
                Map.entry("type=deals.deal.archived", "type:invalid"),
                Map.entry("type=", "type:invalid"),
                Map.entry("type=DEALS.DEAL.CREATED", "type:invalid"),
                Map.entry("subject=0", "subject:invalid"),
                Map.entry("subject=-2", "subject:invalid"),
                Map.entry("subject=deal-2", "subject:invalid"),
                Map.entry("subject=1&subject=2", "subject:repeated"),
                Map.entry("cursor=abc", "cursor:unknown_parameter"),
                Map.entry("offset=0", "offset:unknown_parameter"));
        refused.forEach((query, detail) -> {
            Reply reply = assertError(api.get("/events?" + query), 400, "BAD_REQUEST");
            assertThat(reply.details()).as(query).containsExactly(detail);
        });

        Reply several = assertError(api.get("/events?after=-1&limit=0&type=nope&subject=x&sort=seq"), 400, "BAD_REQUEST");
        assertThat(several.details()).containsExactlyInAnyOrder("after:invalid", "limit:invalid", "type:invalid",
                "subject:invalid", "sort:unknown_parameter");
    }

    @Test
    void a_position_older_than_what_retention_kept_is_410_gone_and_the_oldest_kept_is_the_default_start() {
        recordSevenEvents();
        // What retention does: delete the oldest events and mark how far.
        TestDatabase.execute("DELETE FROM outbox_events WHERE seq <= 3");
        TestDatabase.execute("UPDATE event_retention SET deleted_through = 3");

        assertError(api.get("/events?after=2"), 410, "GONE");
        assertError(api.get("/events?after=0&type=deals.deal.deleted"), 410, "GONE");
        assertThat(seqs(api.get("/events?after=3"))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(seqs(api.get("/events"))).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void a_position_past_the_newest_event_is_a_400_not_a_silent_wait() {
        recordSevenEvents();

        assertThat(seqs(api.get("/events?after=7"))).isEmpty();
        assertError(api.get("/events?after=8"), 400, "BAD_REQUEST");
        assertError(api.get("/events/stream?after=8"), 400, "BAD_REQUEST");
    }

    static List<Long> seqs(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<Long> seqs = new ArrayList<>();
        reply.json().get("items").forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }

    private static String cloudEvents(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::cloudEvent).collect(Collectors.joining(","));
    }
}
