package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DealsIT extends ApiTestBase {

    @Test
    void creating_a_deal_answers_201_with_derived_discount_sorted_categories_embedded_hotel_and_nights() {
        long hotelId = createHotel();

        Reply created = api.post("/deals", dealJson(hotelId));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/deals/" + created.id());
        assertThat(created.etag()).isEqualTo("\"1\"");
        JsonNode deal = created.json();
        assertThat(deal.get("external_ref").asText()).isEqualTo("D-001017");
        assertThat(deal.get("room_type").asText()).isEqualTo("Deluxe");
        assertThat(deal.get("price_per_night").decimalValue()).isEqualByComparingTo("129.99");
        assertThat(deal.get("original_price").decimalValue()).isEqualByComparingTo("199.99");
        assertThat(deal.get("discount_percent").asInt()).isEqualTo(35);
        assertThat(deal.get("checkin_date").asText()).isEqualTo("2027-12-01");
        assertThat(deal.get("checkout_date").asText()).isEqualTo("2027-12-04");
        assertThat(deal.get("nights").asInt()).isEqualTo(3);
        assertThat(deal.get("is_available").asBoolean()).isTrue();
        assertThat(strings(deal.get("categories"))).containsExactly("beach", "family");
        assertThat(deal.get("version").asLong()).isEqualTo(1);
        JsonNode hotel = deal.get("hotel");
        assertThat(hotel.get("id").asLong()).isEqualTo(hotelId);
        assertThat(hotel.get("name").asText()).isEqualTo("Harbour View");
        assertThat(hotel.get("city").asText()).isEqualTo("Toronto");
        assertThat(hotel.get("country").asText()).isEqualTo("Canada");
        assertThat(hotel.get("star_rating").asInt()).isEqualTo(4);
        assertThat(deal.has("hotel_id")).isFalse();

        Reply read = api.get("/deals/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(deal);
    }

    @Test
    void a_deal_without_categories_shows_an_empty_list() {
        Reply created = createDeal("""
                {"hotel_id": %d, "room_type": "Standard", "price_per_night": 80, "original_price": 100,
                 "checkin_date": "2027-03-01", "checkout_date": "2027-03-02", "is_available": false}"""
                .formatted(createHotel()));

        assertThat(created.json().get("categories").isArray()).isTrue();
        assertThat(created.json().get("categories")).isEmpty();
        assertThat(created.json().get("discount_percent").asInt()).isEqualTo(20);
        assertThat(created.json().get("is_available").asBoolean()).isFalse();
        assertThat(created.json().get("price_per_night").decimalValue()).isEqualByComparingTo("80");
    }

    @Test
    void a_deal_naming_a_hotel_that_does_not_exist_answers_404_hotel_not_found() {
        Reply refused = api.post("/deals", dealJson(424242));

        assertError(refused, 404, "HOTEL_NOT_FOUND");
    }

    @Test
    void a_deal_breaking_many_rules_answers_422_listing_every_one() {
        Reply invalid = api.post("/deals", """
                {"hotel_id": %d, "price_per_night": -5, "original_price": 10.999,
                 "checkin_date": "2027-01-10", "checkout_date": "2027-01-10"}""".formatted(createHotel()));

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).contains(
                "price_per_night:must_be_positive",
                "original_price:too_many_decimals",
                "checkout_date:checkout_not_after_checkin",
                "room_type:required");
    }

    @Test
    void an_unknown_field_and_a_mistyped_field_answer_422_with_their_detail_codes() {
        Reply invalid = api.post("/deals", """
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 129.99, "original_price": "199.99",
                 "checkin_date": "2027-12-01", "checkout_date": "01/12/2027", "colour": "red"}"""
                .formatted(createHotel()));

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).containsExactlyInAnyOrder(
                "colour:unknown_field",
                "original_price:invalid_type",
                "checkout_date:invalid_type");
    }

    @Test
    void unknown_fields_and_broken_rules_are_reported_together() {
        Reply invalid = api.post("/deals", """
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": -5, "original_price": 199.99,
                 "checkin_date": "2027-12-01", "checkout_date": "2027-12-04", "colour": "red"}"""
                .formatted(createHotel()));

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).containsExactlyInAnyOrder("colour:unknown_field", "price_per_night:must_be_positive");
    }

    @Test
    void unknown_fields_and_broken_rules_in_a_patch_are_reported_together() {
        Reply deal = createDeal(createHotel());

        Reply invalid = api.patch("/deals/" + deal.id(), "{\"colour\": \"red\", \"price_per_night\": -5}",
                "If-Match", "\"1\"");

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).containsExactlyInAnyOrder("colour:unknown_field", "price_per_night:must_be_positive");
    }

    @Test
    void a_discount_that_disagrees_with_the_prices_answers_422_inconsistent_discount() {
        Reply invalid = api.post("/deals", """
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 100, "original_price": 200,
                 "discount_percent": 10, "checkin_date": "2027-12-01", "checkout_date": "2027-12-04"}"""
                .formatted(createHotel()));

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).containsExactly("discount_percent:inconsistent_discount");
    }

    @Test
    void a_discount_within_one_point_of_the_prices_is_kept_as_given() {
        Reply created = createDeal("""
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 100, "original_price": 200,
                 "discount_percent": 49, "checkin_date": "2027-12-01", "checkout_date": "2027-12-04"}"""
                .formatted(createHotel()));

        assertThat(created.json().get("discount_percent").asInt()).isEqualTo(49);
    }

    @Test
    void an_external_ref_already_taken_answers_409_duplicate_external_ref() {
        long hotelId = createHotel();
        createDeal(hotelId);

        Reply duplicate = api.post("/deals", dealJson(hotelId));

        assertError(duplicate, 409, "DUPLICATE_EXTERNAL_REF");
    }

    @Test
    void patching_a_price_without_the_discount_derives_the_discount_again() {
        Reply deal = createDeal(createHotel());

        Reply patched = api.patch("/deals/" + deal.id(), "{\"price_per_night\": 99.99}", "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("price_per_night").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(patched.json().get("discount_percent").asInt()).isEqualTo(50);
        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.etag()).isEqualTo("\"2\"");
    }

    @Test
    void a_patch_sent_as_merge_patch_json_is_accepted() {
        Reply deal = createDeal(createHotel());

        Reply patched = api.patch("/deals/" + deal.id(), "{\"room_type\": \"Suite\"}",
                "Content-Type", "application/merge-patch+json", "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("room_type").asText()).isEqualTo("Suite");
    }

    @Test
    void patching_categories_replaces_the_whole_set() {
        Reply deal = createDeal(createHotel());

        Reply patched = api.patch("/deals/" + deal.id(), "{\"categories\": [\"Spa\", \"city break\"]}",
                "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(strings(patched.json().get("categories"))).containsExactly("city break", "spa");
        assertThat(strings(api.get("/deals/" + deal.id()).json().get("categories"))).containsExactly("city break", "spa");
    }

    @Test
    void patching_external_ref_to_null_removes_it() {
        Reply deal = createDeal(createHotel());

        Reply patched = api.patch("/deals/" + deal.id(), "{\"external_ref\": null}", "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().path("external_ref").isNull() || patched.json().path("external_ref").isMissingNode())
                .as(patched.text()).isTrue();
        assertThat(api.get("/deals/" + deal.id()).json().path("external_ref").asText(null)).isNull();
        assertThat(api.post("/deals", dealJson(deal.json().get("hotel").get("id").asLong())).status())
                .as("the removed ref is free again").isEqualTo(201);
    }

    @Test
    void a_patch_that_changes_nothing_keeps_the_version() {
        Reply deal = createDeal(createHotel());

        Reply same = api.patch("/deals/" + deal.id(), "{\"categories\": [\"family\", \"Beach\"], \"version\": 1}");

        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.version()).isEqualTo(1);
    }

    @Test
    void patching_a_deal_without_a_precondition_answers_428() {
        Reply deal = createDeal(createHotel());

        assertError(api.patch("/deals/" + deal.id(), "{\"room_type\": \"Suite\"}"), 428, "PRECONDITION_REQUIRED");
    }

    @Test
    void patching_a_required_field_to_null_answers_422_required() {
        Reply deal = createDeal(createHotel());

        Reply invalid = api.patch("/deals/" + deal.id(), "{\"room_type\": null, \"price_per_night\": 250}",
                "If-Match", "\"1\"");

        assertError(invalid, 422, "VALIDATION_FAILED");
        assertThat(invalid.details()).contains("room_type:required", "price_per_night:price_above_original");
    }

    @Test
    void a_deal_id_that_is_not_a_number_answers_404() {
        assertError(api.get("/deals/abc"), 404, "NOT_FOUND");
        assertError(api.get("/deals/0"), 404, "NOT_FOUND");
        assertError(api.get("/deals/99999999999999999999"), 404, "NOT_FOUND");
    }

    @Test
    void deleting_a_deal_answers_204_and_then_reading_it_answers_404() {
        Reply deal = createDeal(createHotel());

        Reply deleted = api.delete("/deals/" + deal.id());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertError(api.get("/deals/" + deal.id()), 404, "NOT_FOUND");
    }

    @Test
    void deleting_a_deal_with_a_stale_if_match_answers_412() {
        Reply deal = createDeal(createHotel());
        api.patch("/deals/" + deal.id(), "{\"room_type\": \"Suite\"}", "If-Match", "\"1\"");

        assertError(api.delete("/deals/" + deal.id(), "If-Match", "\"1\""), 412, "PRECONDITION_FAILED");
        assertThat(api.get("/deals/" + deal.id()).status()).isEqualTo(200);
    }

    @Test
    void a_deal_answers_304_to_its_current_etag() {
        Reply deal = createDeal(createHotel());

        Reply notModified = api.get("/deals/" + deal.id(), "If-None-Match", "\"1\"");

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
    }

    @Test
    void money_is_kept_exactly_as_a_decimal() {
        Reply created = createDeal("""
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 0.10, "original_price": 99999.99,
                 "checkin_date": "2027-12-01", "checkout_date": "2027-12-04"}""".formatted(createHotel()));

        BigDecimal price = api.get("/deals/" + created.id()).json().get("price_per_night").decimalValue();
        assertThat(price).isEqualByComparingTo("0.10");
        assertThat(api.get("/deals/" + created.id()).json().get("original_price").decimalValue())
                .isEqualByComparingTo("99999.99");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
