package io.deals.adapters.web.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 description. It is written in YAML ({@code openapi.yaml} beside this
 * class: long descriptions as block text, comments for whoever edits it) and served as JSON,
 * converted once when the server starts.
 */
public final class OpenApiDocument {

    static final String RESOURCE = "io/deals/adapters/web/docs/openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document as a JSON tree. */
    public static JsonNode tree() {
        try {
            return new YAMLMapper().readTree(StaticFile.read(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The document as the JSON {@code GET /openapi.json} answers. */
    static byte[] json(ObjectMapper json) {
        try {
            return json.writeValueAsBytes(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree is always writable as JSON", e);
        }
    }
}
