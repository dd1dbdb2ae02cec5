package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI Initiative's schema of OpenAPI 3.1 documents (bundled in the test resources, see
 * {@code openapi/README.md}: nothing is fetched), and JSON Schema 2020-12's meta-schema for the
 * Schema Objects inside a document, which the OAS schema takes as any object.
 */
final class OpenApiSchema {

    private static final String OAS_3_1 = "https://spec.openapis.org/oas/3.1/schema/2022-10-07";
    private static final String JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(OAS_3_1, "classpath:openapi/oas-3.1-schema-2022-10-07.json"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiSchema() {
    }

    /** What makes {@code document} not an OpenAPI 3.1 document: empty when it is one. */
    static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>(errors(OAS_3_1, document, ""));
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(JSON_SCHEMA_2020_12));
        schemaObjects(document, "", problems, metaSchema);
        return problems;
    }

    private static List<String> errors(String schemaId, JsonNode instance, String where) {
        return REGISTRY.getSchema(SchemaLocation.of(schemaId)).validate(instance).stream()
                .map(Error::toString).map(error -> where.isEmpty() ? error : where + ": " + error).toList();
    }

    /** Every Schema Object (the value of a {@code schema} key, or one of components/schemas) against the meta-schema. */
    private static void schemaObjects(JsonNode node, String pointer, List<String> problems, Schema metaSchema) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String at = pointer + "/" + field.getKey();
            if (field.getKey().equals("example") || field.getKey().equals("examples")) {
                continue;
            }
            boolean schema = field.getKey().equals("schema") || pointer.equals("/components/schemas");
            if (schema) {
                metaSchema.validate(field.getValue()).forEach(error -> problems.add(at + ": " + error));
            } else {
                schemaObjects(field.getValue(), at, problems, metaSchema);
            }
        }
    }
}
