package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Safe retries of creates ({@code Idempotency-Key}) and a deal's price history. */
class RetriesAndHistoryIT extends ApiTestBase {

    @Test
    void a_create_retried_with_the_same_key_and_body_answers_the_first_result_and_creates_once() {
        long hotelId = createHotel();
        Reply first = api.post("/deals", dealJson(hotelId), "Idempotency-Key", "order-42");
        Reply retry = api.post("/deals", dealJson(hotelId).replace("\n", " "), "Idempotency-Key", "order-42");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.get("/deals/" + (first.id() + 1)).status()).isEqualTo(404);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        api.post("/hotels", HOTEL, "Idempotency-Key", "hotel-1");

        Reply other = api.post("/hotels", HOTEL.replace("Harbour View", "Lakeside"), "Idempotency-Key", "hotel-1");

        assertError(other, 422, "VALIDATION_FAILED");
        assertThat(other.details()).containsExactly("Idempotency-Key:reused_with_other_body");
    }

    @Test
    void a_key_that_is_not_visible_ascii_is_a_bad_request() {
        assertError(api.post("/hotels", HOTEL, "Idempotency-Key", "two words"), 400, "BAD_REQUEST");
    }

    @Test
    void price_history_shows_each_period_oldest_first_with_the_current_one_open() {
        Reply deal = createDeal(createHotel());
        api.patch("/deals/" + deal.id(), "{\"price_per_night\": 99.99}", "If-Match", deal.etag());

        Reply history = api.get("/deals/" + deal.id() + "/price-history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items")).hasSize(2);
        assertThat(history.json().at("/items/0/price_per_night").decimalValue()).isEqualByComparingTo("129.99");
        assertThat(history.json().at("/items/0/valid_to").isTextual()).isTrue();
        assertThat(history.json().at("/items/1/price_per_night").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(history.json().at("/items/1/discount_percent").asInt()).isEqualTo(50);
        assertThat(history.json().at("/items/1/valid_to").isNull()).isTrue();
    }

    @Test
    void price_history_of_an_unknown_deal_is_not_found() {
        assertError(api.get("/deals/999/price-history"), 404, "NOT_FOUND");
    }
}
