package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers every answer carries, whoever produced it: a route, Spark's 404 and 405, or Jetty
 * refusing a request it cannot read. ({@link Api} checks them on every reply of every test too.)
 */
class SecurityHeadersIT extends ApiTestBase {

    @Test
    void a_successful_answer_says_nosniff_and_names_no_server() {
        Reply created = createHotel(HOTEL);
        assertSafe(created.headers());
        Reply read = api.anonymous().get("/hotels/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertSafe(read.headers());
        assertThat(read.header("Cache-Control")).as("a public answer to no one in particular may be cached").isNull();
    }

    @Test
    void errors_are_never_stored_by_a_cache() {
        for (Reply error : new Reply[] {api.get("/hotels/12345"), api.get("/no/such/route"), api.delete("/hotels"),
                api.post("/hotels", "{\"name\": ")}) {
            assertSafe(error.headers());
            assertThat(error.header("Cache-Control")).as(error.text()).isEqualTo("no-store");
        }
    }

    @Test
    void a_request_line_jetty_cannot_read_gets_the_same_headers_and_a_json_error() {
        Reply refused = RawHttp.send(api.port(), "GARBAGE\r\n\r\n");
        assertError(refused, 400, "BAD_REQUEST");
        assertSafe(refused.headers());
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void headers_too_large_for_jetty_get_the_same_headers_and_a_json_error() {
        Reply refused = RawHttp.send(api.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "x".repeat(16 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(refused.status()).isEqualTo(431);
        assertSafe(refused.headers());
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void an_event_stream_says_nosniff_and_names_no_server() {
        try (EventStreamClient stream = EventStreamClient.open(api.port(), "/events/stream")) {
            assertThat(stream.status()).isEqualTo(200);
            assertSafe(stream.headers());
        }
    }

    private static void assertSafe(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Server")).isEmpty();
    }
}
