package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.http.EventStreamClient.End;
import io.deals.bootstrap.http.EventStreamClient.Message;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.deals.bootstrap.http.EventFeedIT.recordSevenEvents;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /events/stream}: the feed as Server-Sent Events, pushed as events commit. */
class EventStreamIT extends ApiTestBase {

    @Test
    void events_are_pushed_as_they_commit_each_the_recorded_cloud_event() throws Exception {
        try (EventStreamClient stream = EventStreamClient.open(api.port(), "/events/stream",
                "X-Request-Id", "stream-1")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(stream.headers().firstValue("X-Request-Id")).hasValue("stream-1");

            long hotelId = createHotel();
            Message created = stream.events(1).get(0);
            assertThat(created.id()).isEqualTo("1");
            assertThat(created.event()).isEqualTo("deals.hotel.created");
            assertThat(created.data()).isEqualTo(recordedCloudEvent(1));
            assertThat(Api.JSON.readTree(created.data()).get("data").get("id").asLong()).isEqualTo(hotelId);

            createDeal(hotelId);
            Message deal = stream.events(1).get(0);
            assertThat(deal.id()).isEqualTo("2");
            assertThat(deal.event()).isEqualTo("deals.deal.created");
            assertThat(deal.data()).isEqualTo(recordedCloudEvent(2));
        }
    }

    @Test
    void a_stream_starts_after_the_position_asked_recorded_events_first_then_live_and_filtered() throws Exception {
        recordSevenEvents();
        try (EventStreamClient after = EventStreamClient.open(api.port(), "/events/stream?after=4");
             EventStreamClient deal2 = EventStreamClient.open(api.port(), "/events/stream?subject=2&type=deals.deal.updated"
                     + "&type=deals.deal.price_changed&type=deals.deal.created")) {
            assertThat(ids(after.events(3))).containsExactly("5", "6", "7");
            assertThat(ids(deal2.events(3))).containsExactly("3", "5", "6");

            assertThat(api.patch("/deals/2", "{\"room_type\": \"Suite\"}", "If-Match", "\"2\"").status()).isEqualTo(200);
            Message pushed = after.events(1).get(0);
            assertThat(pushed.id()).isEqualTo("8");
            assertThat(pushed.event()).isEqualTo("deals.deal.updated");
            assertThat(ids(deal2.events(1))).containsExactly("8");
        }
    }

    @Test
    void a_reconnecting_client_resumes_after_its_last_event_id_which_wins_over_after() throws Exception {
        recordSevenEvents();
        try (EventStreamClient resumed = EventStreamClient.open(api.port(), "/events/stream?after=1",
                "Last-Event-ID", "5")) {
            assertThat(ids(resumed.events(2))).containsExactly("6", "7");
        }
    }

    @Test
    void a_keep_alive_comment_comes_at_every_heartbeat() throws Exception {
        try (EventStreamClient idle = EventStreamClient.open(api.port(), "/events/stream")) {
            assertThat(idle.next().comment()).isEqualTo("keep-alive");
            assertThat(idle.next().comment()).isEqualTo("keep-alive");
        }
    }

    @Test
    void the_stream_refuses_what_the_feed_refuses_with_400_and_410() {
        Map<String, String> refused = Map.of(
                "after=-1", "after:invalid",
                "after=1&after=2", "after:repeated",
                "type=deals.deal.archived", "type:invalid",
                "subject=0", "subject:invalid",
                "limit=5", "limit:unknown_parameter");
        refused.forEach((query, detail) -> {
            try (EventStreamClient stream = EventStreamClient.open(api.port(), "/events/stream?" + query)) {
                Reply reply = assertError(stream.refusal(), 400, "BAD_REQUEST");
                assertThat(reply.details()).as(query).containsExactly(detail);
            }
        });
        for (String lastEventId : List.of("abc", "-1", "", "1.0")) {
            try (EventStreamClient stream = EventStreamClient.open(api.port(), "/events/stream", "Last-Event-ID",
                    lastEventId)) {
                assertThat(assertError(stream.refusal(), 400, "BAD_REQUEST").details()).as(lastEventId)
                        .containsExactly("Last-Event-ID:invalid");
            }
        }

        recordSevenEvents();
        TestDatabase.execute("DELETE FROM outbox_events WHERE seq <= 3");
        TestDatabase.execute("UPDATE event_retention SET deleted_through = 3");
        try (EventStreamClient gone = EventStreamClient.open(api.port(), "/events/stream?after=2");
             EventStreamClient resumedTooLate = EventStreamClient.open(api.port(), "/events/stream?after=5",
                     "Last-Event-ID", "1")) {
            assertError(gone.refusal(), 410, "GONE");
            assertError(resumedTooLate.refusal(), 410, "GONE");
        }
    }

    @Test
    void many_open_streams_hold_no_request_thread_each_gets_every_event_and_the_api_still_answers() throws Exception {
        int streams = 120;
        List<EventStreamClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < streams; i++) {
                EventStreamClient client = EventStreamClient.open(api.port(), "/events/stream");
                assertThat(client.status()).isEqualTo(200);
                clients.add(client);
            }
            // More streams than the server's 32 request threads are open; requests are still served.
            assertThat(api.get("/health").status()).isEqualTo(200);
            long hotelId = createHotel();
            for (int i = 0; i < 5; i++) {
                createDeal(dealJson(hotelId).replace("D-001017", "D-" + i));
            }
            assertThat(api.get("/deals?limit=5").status()).isEqualTo(200);
            for (EventStreamClient client : clients) {
                assertThat(ids(client.events(6))).containsExactly("1", "2", "3", "4", "5", "6");
            }
        } finally {
            clients.forEach(EventStreamClient::close);
        }
    }

    @Test
    void a_client_that_reads_nothing_is_cut_off_after_a_few_heartbeats() throws Exception {
        int events = 2_000;
        int padding = 10_000;
        TestDatabase.execute("INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, occurred_at) "
                + "SELECT 'deal', g, 'deals.deal.created', json_build_object('pad', repeat('x', " + padding + ")), now() "
                + "FROM generate_series(1, " + events + ") g");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", api.port()));
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /events/stream HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            // Reading nothing while the server's buffers fill and its heartbeats find no progress; the margin
            // beyond the stalled heartbeats only has to cover a slow machine.
            Thread.sleep(HEARTBEAT.multipliedBy(10).toMillis());
            long half = (long) events * padding / 2;
            long received = 0;
            try (InputStream in = socket.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0 && received < half; n = in.read(buffer)) {
                    received += n;
                }
            } catch (SocketException reset) {
                // The server closed the connection with bytes still unsent: the cut.
            }
            assertThat(received).as("the connection ended well before the whole backlog was sent").isLessThan(half);
        }
    }

    @Test
    void stopping_the_server_ends_open_streams_normally() throws Exception {
        DealsServer server = DealsServer.start(TestDatabase.dataSource(), 0, ServerSecret.random());
        List<EventStreamClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(EventStreamClient.open(server.port(), "/events/stream"));
            }
            createHotel();
            for (EventStreamClient client : clients) {
                assertThat(client.status()).isEqualTo(200);
                assertThat(ids(client.events(1))).containsExactly("1");
            }
            server.close();
            for (EventStreamClient client : clients) {
                assertThat(client.end()).as("the response finished, not the connection cut").isEqualTo(End.NORMAL);
            }
        } finally {
            server.close();
            clients.forEach(EventStreamClient::close);
        }
    }

    /** The raw text of one event as {@code GET /events} answers it: {"items":[<event>],"next_after":n}. */
    private static String recordedCloudEvent(long seq) {
        String page = api.get("/events?after=" + (seq - 1) + "&limit=1").text();
        assertThat(page).endsWith("],\"next_after\":" + seq + "}");
        return page.substring("{\"items\":[".length(), page.lastIndexOf("],\"next_after\":"));
    }

    private static List<String> ids(List<Message> events) {
        return events.stream().map(Message::id).toList();
    }
}
