package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values a client can write but PostgreSQL cannot hold are refused up front, never a 500. */
class EdgeValuesIT extends ApiTestBase {

    @Test
    void decimal_filters_out_of_range_or_with_extreme_exponents_are_bad_requests() {
        for (String query : new String[] {"price_max=1E-999999", "price_min=1e-20000", "price_min=1e200000",
                "price_min=12.12345678901"}) {
            assertThat(assertError(api.get("/deals?" + query), 400, "BAD_REQUEST").details())
                    .as(query).anyMatch(detail -> detail.startsWith("price_"));
        }
        assertThat(api.get("/deals?price_min=1E%2B2").status()).isEqualTo(200);
    }

    @Test
    void dates_outside_the_years_1_to_9999_are_refused() {
        assertError(api.get("/deals?checkin_from=%2B9999999-01-01"), 400, "BAD_REQUEST");
        assertError(api.get("/deals?checkin_to=-9999999-01-01"), 400, "BAD_REQUEST");

        Reply created = api.post("/deals", dealJson(createHotel())
                .replace("\"2027-12-01\"", "\"+9999999-01-01\"").replace("\"2027-12-04\"", "\"-4714-01-03\""));

        assertThat(assertError(created, 422, "VALIDATION_FAILED").details())
                .contains("checkin_date:invalid_type", "checkout_date:invalid_type");
    }

    @Test
    void a_category_with_a_superscript_or_fraction_digit_is_a_validation_error() {
        Reply created = api.post("/deals", dealJson(createHotel()).replace("\" Family \"", "\"x²\"")
                .replace("\"beach\", \"BEACH\"", "\"½\""));

        assertThat(assertError(created, 422, "VALIDATION_FAILED").details())
                .contains("categories[0]:invalid_format", "categories[1]:invalid_format");
    }

    @Test
    void a_non_standard_json_number_is_a_bad_request_that_names_no_parser_setting() {
        Reply refused = api.post("/hotels", "{\"star_rating\": NaN}");

        assertError(refused, 400, "BAD_REQUEST");
        assertThat(refused.text()).doesNotContain("enable").doesNotContain("Feature");
    }

    @Test
    void an_idempotent_retry_with_the_keys_in_another_order_is_the_same_request() {
        Reply first = api.post("/hotels", HOTEL, "Idempotency-Key", "reordered");
        Reply retry = api.post("/hotels", """
                {"star_rating": 4, "phone": "+1 (416) 555-0100", "country": "Canada",
                 "city": "Toronto", "name": "Harbour View"}""", "Idempotency-Key", "reordered");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
    }
}
