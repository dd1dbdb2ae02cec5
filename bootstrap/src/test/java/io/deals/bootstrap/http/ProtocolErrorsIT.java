package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolErrorsIT extends ApiTestBase {

    private static final int ONE_MEBIBYTE = 1024 * 1024;
    private static final int OVERSIZE = 2 * ONE_MEBIBYTE;

    @Test
    void an_unknown_route_answers_404_not_found_as_json() {
        assertError(api.get("/nothing/here"), 404, "NOT_FOUND");
        assertError(api.post("/nothing", "{}"), 404, "NOT_FOUND");
    }

    @Test
    void a_trailing_slash_names_another_path_which_no_route_has() {
        long dealId = createDeal(createHotel()).id();

        assertError(api.get("/deals/"), 404, "NOT_FOUND");
        assertError(api.delete("/deals/" + dealId + "/"), 404, "NOT_FOUND");
        assertThat(api.get("/deals/" + dealId).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_method_on_a_known_path_answers_405_with_allow() {
        Reply refused = api.send("PUT", "/deals/1", BodyPublishers.ofString("{}"), "Content-Type", "application/json");

        assertError(refused, 405, "METHOD_NOT_ALLOWED");
        assertThat(Arrays.stream(refused.header("Allow").split(",")).map(String::strip))
                .containsExactlyInAnyOrder("GET", "PATCH", "DELETE");
    }

    @Test
    void a_wrong_method_on_the_collection_answers_405_with_allow_post() {
        Reply refused = api.delete("/hotels");

        assertError(refused, 405, "METHOD_NOT_ALLOWED");
        assertThat(refused.header("Allow")).contains("POST");
    }

    @Test
    void a_query_parameter_on_an_operation_that_takes_none_answers_400_naming_it() {
        long hotelId = createHotel();
        long dealId = createDeal(hotelId).id();
        String patch = "{\"version\": 1, \"room_type\": \"Suite\"}";

        for (Reply refused : new Reply[]{api.get("/deals/" + dealId + "?fields=id"),
                api.get("/deals/" + dealId + "/price-history?fields=id"), api.get("/hotels/" + hotelId + "?fields=id"),
                api.patch("/deals/" + dealId + "?fields=id", patch), api.delete("/hotels/" + hotelId + "?fields=id"),
                api.post("/deals?fields=id", dealJson(hotelId))}) {
            assertError(refused, 400, "BAD_REQUEST");
            assertThat(refused.error().get("details").get(0).get("field").asText()).isEqualTo("fields");
        }
        assertThat(api.get("/deals/" + dealId).version()).isEqualTo(1);
        assertThat(api.get("/hotels/" + hotelId).status()).isEqualTo(200);
    }

    @Test
    void malformed_json_answers_400_bad_request() {
        assertError(api.post("/hotels", "{\"name\": "), 400, "BAD_REQUEST");
        assertError(api.post("/hotels", "{name: 'x'}"), 400, "BAD_REQUEST");
        assertError(api.post("/hotels", ""), 400, "BAD_REQUEST");
    }

    @Test
    void trailing_content_after_the_json_object_answers_400_bad_request() {
        assertError(api.post("/hotels", HOTEL + " {\"again\": true}"), 400, "BAD_REQUEST");
    }

    @Test
    void json_nested_too_deeply_answers_400_bad_request() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        assertError(api.post("/hotels", "{\"name\": " + deep + "}"), 400, "BAD_REQUEST");
    }

    @Test
    void a_number_with_too_many_digits_answers_400_bad_request() {
        assertError(api.post("/hotels", "{\"star_rating\": " + "9".repeat(5000) + "}"), 400, "BAD_REQUEST");
    }

    @Test
    void a_duplicated_key_answers_400_bad_request() {
        assertError(api.post("/hotels", "{\"name\": \"a\", \"name\": \"b\"}"), 400, "BAD_REQUEST");
    }

    @Test
    void a_json_body_that_is_not_an_object_answers_400() {
        assertError(api.post("/hotels", "[" + HOTEL + "]"), 400, "BAD_REQUEST");
        assertError(api.post("/deals", "42"), 400, "BAD_REQUEST");
        assertError(api.post("/deals", "null"), 400, "BAD_REQUEST");
    }

    @Test
    void a_body_over_one_mebibyte_with_content_length_answers_413() {
        Reply refused = api.send("POST", "/hotels",
                BodyPublishers.ofByteArray(oversizeJson(OVERSIZE)), "Content-Type", "application/json");

        assertError(refused, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_chunked_body_over_one_mebibyte_answers_413() {
        byte[] body = oversizeJson(OVERSIZE);
        Reply refused = api.send("POST", "/hotels",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "Content-Type", "application/json");

        assertError(refused, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_chunked_body_one_byte_over_one_mebibyte_answers_413() {
        byte[] body = oversizeJson(ONE_MEBIBYTE + 1);
        Reply refused = api.send("POST", "/hotels", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "Content-Type", "application/json");

        assertError(refused, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_read() {
        String padding = " ".repeat(ONE_MEBIBYTE - HOTEL.getBytes(StandardCharsets.UTF_8).length);
        Reply created = api.post("/hotels", HOTEL + padding);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void a_text_plain_body_answers_415() {
        assertError(api.post("/hotels", HOTEL, "Content-Type", "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
        long id = createHotel();
        assertError(api.patch("/hotels/" + id, "{\"star_rating\": 5}", "Content-Type", "text/plain", "If-Match", "\"1\""),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void merge_patch_json_is_refused_on_post() {
        assertError(api.post("/hotels", HOTEL, "Content-Type", "application/merge-patch+json"),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void json_with_a_charset_parameter_is_accepted() {
        Reply created = api.post("/hotels", HOTEL, "Content-Type", "application/json; charset=UTF-8");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void an_if_match_that_is_not_an_entity_tag_answers_400() {
        long id = createHotel();

        assertError(api.patch("/hotels/" + id, "{\"star_rating\": 5}", "If-Match", "1"), 400, "BAD_REQUEST");
    }

    @Test
    void a_sane_request_id_is_echoed() {
        Reply ok = api.get("/health", "X-Request-Id", "abc-123");
        Reply error = api.get("/deals/abc", "X-Request-Id", "abc-123");
        Reply created = api.post("/hotels", HOTEL, "X-Request-Id", "abc-123");

        assertThat(ok.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(error.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(error.error().get("request_id").asText()).isEqualTo("abc-123");
        assertThat(created.header("X-Request-Id")).isEqualTo("abc-123");
    }

    @Test
    void a_request_id_of_64_characters_is_echoed() {
        String longest = "a".repeat(64);

        assertThat(api.get("/health", "X-Request-Id", longest).header("X-Request-Id")).isEqualTo(longest);
    }

    @Test
    void an_insane_request_id_is_replaced_by_a_generated_one() {
        String tooLong = "a".repeat(65);

        Reply first = api.get("/deals/abc", "X-Request-Id", tooLong);
        Reply second = api.get("/deals/abc", "X-Request-Id", "abc 123");
        Reply third = api.get("/health", "X-Request-Id", "<script>");

        assertThat(first.header("X-Request-Id")).isNotEqualTo(tooLong);
        assertThat(second.header("X-Request-Id")).isNotEqualTo("abc 123");
        assertThat(third.header("X-Request-Id")).isNotEqualTo("<script>");
        assertThat(first.error().get("request_id").asText()).isEqualTo(first.header("X-Request-Id"));
    }

    @Test
    void a_request_without_a_request_id_gets_a_fresh_one_each_time() {
        assertThat(api.get("/health").header("X-Request-Id")).isNotEqualTo(api.get("/health").header("X-Request-Id"));
    }

    @Test
    void method_override_headers_are_refused() {
        long id = createHotel();

        assertError(api.send("POST", "/hotels/" + id, BodyPublishers.noBody(), "X-HTTP-Method-Override", "DELETE"),
                400, "BAD_REQUEST");
        assertThat(api.get("/hotels/" + id).status()).isEqualTo(200);
    }

    /** A well-formed JSON object of exactly {@code size} bytes. */
    private static byte[] oversizeJson(int size) {
        byte[] body = new byte[size];
        byte[] start = "{\"name\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        Arrays.fill(body, start.length, size - 2, (byte) 'x');
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }
}
