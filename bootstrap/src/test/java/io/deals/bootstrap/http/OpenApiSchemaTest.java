package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled OAS 3.1 schema really judges documents: a sound one passes, broken ones do not. */
class OpenApiSchemaTest {

    private static final String SOUND = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                 "responses": {"200": {"description": "a thing",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "integer"}}}}}}""";

    @Test
    void accepts_a_sound_document() throws Exception {
        assertThat(OpenApiSchema.problems(Api.JSON.readTree(SOUND))).isEmpty();
    }

    @Test
    void refuses_a_document_without_info_and_with_a_response_lacking_its_description() throws Exception {
        JsonNode broken = Api.JSON.readTree(SOUND.replace("\"info\": {\"title\": \"t\", \"version\": \"1\"},", "")
                .replace("\"description\": \"a thing\",", ""));

        assertThat(OpenApiSchema.problems(broken)).anySatisfy(problem -> assertThat(problem).contains("info"))
                .anySatisfy(problem -> assertThat(problem).contains("description"));
    }

    @Test
    void refuses_a_document_of_another_openapi_version() throws Exception {
        assertThat(OpenApiSchema.problems(Api.JSON.readTree(SOUND.replace("3.1.0", "3.0.3")))).isNotEmpty();
    }

    @Test
    void refuses_a_schema_object_that_is_not_json_schema() throws Exception {
        JsonNode broken = Api.JSON.readTree(SOUND.replace("{\"type\": \"integer\"}}}}", "{\"type\": \"whole number\"}}}}"));

        assertThat(OpenApiSchema.problems(broken)).anySatisfy(problem ->
                assertThat(problem).startsWith("/components/schemas/Thing"));
    }
}
