package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import static io.deals.bootstrap.http.Api.quoted;
import static org.assertj.core.api.Assertions.assertThat;

class HotelsIT extends ApiTestBase {

    @Test
    void creating_a_hotel_answers_201_with_location_etag_and_the_normalized_hotel() {
        Reply created = api.post("/hotels", HOTEL);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.header("Location")).isEqualTo("/hotels/" + created.id());
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.json().get("name").asText()).isEqualTo("Harbour View");
        assertThat(created.json().get("city").asText()).isEqualTo("Toronto");
        assertThat(created.json().get("country").asText()).isEqualTo("Canada");
        assertThat(created.json().get("phone").asText()).isEqualTo("+14165550100");
        assertThat(created.json().get("star_rating").asInt()).isEqualTo(4);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.json().get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(created.json().get("updated_at").asText()).isEqualTo(created.json().get("created_at").asText());
    }

    @Test
    void reading_a_hotel_answers_200_with_its_etag() {
        long id = createHotel();

        Reply read = api.get("/hotels/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"1\"");
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.json().get("phone").asText()).isEqualTo("+14165550100");
    }

    @Test
    void reading_with_the_current_etag_in_if_none_match_answers_304_without_a_body() {
        long id = createHotel();

        Reply notModified = api.get("/hotels/" + id, "If-None-Match", "\"1\"");

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.etag()).isEqualTo("\"1\"");
    }

    @Test
    void reading_with_an_old_etag_in_if_none_match_answers_200() {
        long id = createHotel();
        api.patch("/hotels/" + id, "{\"star_rating\": 5}", "If-Match", "\"1\"");

        Reply read = api.get("/hotels/" + id, "If-None-Match", "\"1\"");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"2\"");
    }

    @Test
    void patching_with_the_current_if_match_answers_200_with_version_2() {
        long id = createHotel();

        Reply patched = api.patch("/hotels/" + id, "{\"star_rating\": 5, \"city\": \"  Ottawa \"}", "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.etag()).isEqualTo("\"2\"");
        assertThat(patched.json().get("star_rating").asInt()).isEqualTo(5);
        assertThat(patched.json().get("city").asText()).isEqualTo("Ottawa");
        assertThat(patched.json().get("name").asText()).isEqualTo("Harbour View");
        assertThat(api.get("/hotels/" + id).json().get("star_rating").asInt()).isEqualTo(5);
    }

    @Test
    void patching_with_the_version_in_the_body_answers_200() {
        long id = createHotel();

        Reply patched = api.patch("/hotels/" + id, "{\"star_rating\": 3, \"version\": 1}");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.version()).isEqualTo(2);
    }

    @Test
    void patching_with_a_stale_if_match_answers_412_and_changes_nothing() {
        long id = createHotel();
        api.patch("/hotels/" + id, "{\"star_rating\": 5}", "If-Match", "\"1\"");

        Reply stale = api.patch("/hotels/" + id, "{\"star_rating\": 1}", "If-Match", "\"1\"");

        assertError(stale, 412, "PRECONDITION_FAILED");
        Reply read = api.get("/hotels/" + id);
        assertThat(read.json().get("star_rating").asInt()).isEqualTo(5);
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void patching_with_a_stale_version_in_the_body_answers_409_version_conflict() {
        long id = createHotel();
        api.patch("/hotels/" + id, "{\"star_rating\": 5}", "If-Match", "\"1\"");

        Reply stale = api.patch("/hotels/" + id, "{\"star_rating\": 1, \"version\": 1}");

        assertError(stale, 409, "VERSION_CONFLICT");
        assertThat(api.get("/hotels/" + id).json().get("star_rating").asInt()).isEqualTo(5);
    }

    @Test
    void patching_without_if_match_or_version_answers_428_precondition_required() {
        long id = createHotel();

        Reply unconditional = api.patch("/hotels/" + id, "{\"star_rating\": 5}");

        assertError(unconditional, 428, "PRECONDITION_REQUIRED");
        assertThat(api.get("/hotels/" + id).version()).isEqualTo(1);
    }

    @Test
    void a_patch_that_changes_nothing_answers_200_and_keeps_the_version() {
        long id = createHotel();

        Reply same = api.patch("/hotels/" + id, "{\"star_rating\": 4, \"phone\": \"+1 416 555 0100\"}",
                "If-Match", "\"1\"");

        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.version()).isEqualTo(1);
        assertThat(same.etag()).isEqualTo("\"1\"");
        assertThat(api.get("/hotels/" + id).version()).isEqualTo(1);
    }

    @Test
    void an_invalid_patch_answers_422_listing_every_field() {
        long id = createHotel();

        Reply invalid = api.patch("/hotels/" + id, "{\"star_rating\": 6, \"phone\": \"12\", \"name\": null}",
                "If-Match", "\"1\"");

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).contains("star_rating:out_of_range", "phone:invalid_format", "name:required");
    }

    @Test
    void a_phone_already_taken_in_another_format_answers_409_duplicate_hotel() {
        createHotel();

        Reply duplicate = api.post("/hotels", """
                {"name": "Other", "city": "Toronto", "country": "Canada",
                 "phone": "+1.416.555.0100", "star_rating": 3}""");

        assertError(duplicate, 409, "DUPLICATE_HOTEL");
    }

    @Test
    void the_same_name_city_and_country_in_another_case_answers_409_duplicate_hotel() {
        createHotel();

        Reply duplicate = api.post("/hotels", """
                {"name": "HARBOUR view", "city": "toronto", "country": "CANADA",
                 "phone": "+14165550199", "star_rating": 3}""");

        assertError(duplicate, 409, "DUPLICATE_HOTEL");
    }

    @Test
    void patching_a_hotel_onto_another_hotels_phone_answers_409_duplicate_hotel() {
        createHotel();
        long other = createHotel("""
                {"name": "Lakeside", "city": "Toronto", "country": "Canada",
                 "phone": "+14165550199", "star_rating": 3}""").id();

        Reply duplicate = api.patch("/hotels/" + other, "{\"phone\": \"+14165550100\"}", "If-Match", "\"1\"");

        assertError(duplicate, 409, "DUPLICATE_HOTEL");
    }

    @Test
    void deleting_a_hotel_that_deals_reference_answers_409_hotel_has_deals() {
        long id = createHotel();
        createDeal(id);

        Reply refused = api.delete("/hotels/" + id);

        assertError(refused, 409, "HOTEL_HAS_DEALS");
        assertThat(api.get("/hotels/" + id).status()).isEqualTo(200);
    }

    @Test
    void deleting_a_hotel_answers_204_and_then_reading_it_answers_404() {
        long id = createHotel();

        Reply deleted = api.delete("/hotels/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertError(api.get("/hotels/" + id), 404, "NOT_FOUND");
        assertError(api.delete("/hotels/" + id), 404, "NOT_FOUND");
    }

    @Test
    void deleting_with_the_current_if_match_answers_204() {
        long id = createHotel();

        assertThat(api.delete("/hotels/" + id, "If-Match", quoted(1)).status()).isEqualTo(204);
    }

    @Test
    void deleting_with_a_stale_if_match_answers_412_and_keeps_the_hotel() {
        long id = createHotel();
        api.patch("/hotels/" + id, "{\"star_rating\": 5}", "If-Match", "\"1\"");

        Reply stale = api.delete("/hotels/" + id, "If-Match", "\"1\"");

        assertError(stale, 412, "PRECONDITION_FAILED");
        assertThat(api.get("/hotels/" + id).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_hotel_answers_404_not_found() {
        assertError(api.get("/hotels/999"), 404, "NOT_FOUND");
        assertError(api.get("/hotels/abc"), 404, "NOT_FOUND");
        assertError(api.patch("/hotels/999", "{\"star_rating\": 5}", "If-Match", "\"1\""), 404, "NOT_FOUND");
    }

    @Test
    void writing_read_only_fields_answers_422() {
        Reply refused = api.post("/hotels", """
                {"id": 5, "name": "Harbour View", "city": "Toronto", "country": "Canada",
                 "phone": "+14165550100", "star_rating": 4, "version": 9}""");

        assertError(refused, 422, "VALIDATION_FAILED");
        assertThat(refused.details()).contains("id:read_only", "version:read_only");
    }
}
