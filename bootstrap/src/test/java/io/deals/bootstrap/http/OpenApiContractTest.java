package io.deals.bootstrap.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reply recorder's check can fail, for each way a reply can stray from the document. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT;

    static {
        try {
            CONTRACT = new OpenApiContract(Api.JSON.readTree("""
                    {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                     "paths": {
                       "/things/{id}": {"get": {"responses": {
                         "200": {"description": "a thing",
                                 "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                                 "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                         "304": {"description": "not modified"}}},
                         "delete": {"responses": {"204": {"description": "gone"}}}},
                       "/things/count": {"get": {"responses": {"200": {"description": "how many",
                         "content": {"application/json": {"schema": {"type": "integer"}}}}}}}},
                     "components": {
                       "headers": {"ETag": {"required": true, "schema": {"type": "string", "pattern": "^\\"[0-9]+\\"$"}},
                                   "Allow": {"required": true, "schema": {"type": "string"}}},
                       "responses": {
                         "NotFound": {"description": "no such thing",
                                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                         "MethodNotAllowed": {"description": "not with this method",
                                              "headers": {"Allow": {"$ref": "#/components/headers/Allow"}},
                                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
                       "schemas": {
                         "Thing": {"type": "object", "additionalProperties": false, "required": ["id", "price"],
                                   "properties": {"id": {"type": "integer"}, "price": {"type": "number", "multipleOf": 0.01},
                                                  "day": {"type": "string", "format": "date"}}},
                         "Error": {"type": "object", "required": ["error"]}}}}"""));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final HttpHeaders JSON_TAGGED = headers("Content-Type", "application/json; charset=utf-8", "ETag", "\"1\"");

    @Test
    void passes_a_reply_the_document_describes() {
        assertThatCode(() -> CONTRACT.check("GET", "/things/7?x=1", 200, JSON_TAGGED, "{\"id\": 7, \"price\": 129.99}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> CONTRACT.check("GET", "http://localhost:1/things/7", 304, headers("ETag", "\"1\""), ""))
                .doesNotThrowAnyException();
    }

    @Test
    void prefers_a_literal_path_to_a_template() {
        assertThatCode(() -> CONTRACT.check("GET", "/things/count", 200, headers("Content-Type", "application/json"), "3"))
                .doesNotThrowAnyException();
    }

    @Test
    void fails_a_field_the_schema_does_not_have() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, JSON_TAGGED, "{\"id\": 7, \"price\": 1, \"extra\": 1}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /things/7 -> 200").hasMessageContaining("extra");
    }

    @Test
    void fails_a_value_of_the_wrong_type_or_format() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, JSON_TAGGED, "{\"id\": \"7\", \"price\": 1}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, JSON_TAGGED,
                "{\"id\": 7, \"price\": 1, \"day\": \"2026-13-40\"}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, JSON_TAGGED, "{\"id\": 7, \"price\": 1.001}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void fails_an_undocumented_status() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 201, JSON_TAGGED, "{\"id\": 7, \"price\": 1}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status 201 is not documented");
    }

    @Test
    void fails_an_undocumented_media_type_or_a_body_where_none_is_documented() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, headers("Content-Type", "text/html", "ETag", "\"1\""),
                "<p>7</p>")).isInstanceOf(AssertionError.class).hasMessageContaining("text/html");
        assertThatThrownBy(() -> CONTRACT.check("DELETE", "/things/7", 204, headers(), "deleted"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no body");
    }

    @Test
    void fails_a_missing_or_malformed_required_header() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, headers("Content-Type", "application/json"),
                "{\"id\": 7, \"price\": 1}")).isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/things/7", 200, headers("Content-Type", "application/json", "ETag", "W/\"1\""),
                "{\"id\": 7, \"price\": 1}")).isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
    }

    @Test
    void answers_outside_the_document_only_with_the_errors_its_description_allows() {
        HttpHeaders json = headers("Content-Type", "application/json");
        assertThatCode(() -> CONTRACT.check("GET", "/nothing", 404, json, "{\"error\": {}}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check("GET", "/nothing", 200, json, "{}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no path of the document matches /nothing");
        assertThatCode(() -> CONTRACT.check("PUT", "/things/7", 405, headers("Content-Type", "application/json",
                "Allow", "DELETE, GET"), "{\"error\": {}}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check("PUT", "/things/7", 405, headers("Content-Type", "application/json",
                "Allow", "GET"), "{\"error\": {}}")).isInstanceOf(AssertionError.class).hasMessageContaining("Allow");
        assertThatThrownBy(() -> CONTRACT.check("PUT", "/things/7", 405, json, "{\"error\": {}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Allow");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/nothing", 404, json, "[]")).isInstanceOf(AssertionError.class);
    }

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
