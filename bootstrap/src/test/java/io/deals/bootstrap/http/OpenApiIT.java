package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.adapters.web.shared.RouteAccess;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /openapi.json} is a valid OpenAPI 3.1 document of exactly the routes the server has,
 * with the scopes they need. (That every reply matches it, {@link Api} checks on each reply.)
 */
class OpenApiIT extends ApiTestBase {

    @Test
    void the_served_document_is_a_valid_openapi_3_1_document() {
        Reply served = api.get("/openapi.json");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(served.json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(OpenApiSchema.problems(served.json())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/openapi.json", "/docs", "/docs/swagger-ui-bundle.js"})
    void a_client_revalidates_its_copy_of_a_documentation_file_with_the_etag(String path) {
        Reply served = api.get(path);
        Reply again = api.get(path, "If-None-Match", served.etag());

        assertThat(served.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();
        assertThat(again.etag()).isEqualTo(served.etag());
        assertThat(api.get(path, "If-None-Match", "\"0\"").status()).isEqualTo(200);
    }

    @Test
    void every_route_the_server_answers_is_documented_and_every_documented_operation_is_answered() {
        Set<String> registered = routes().stream().map(OpenApiIT::operation).collect(Collectors.toSet());
        Set<String> documented = Set.copyOf(OpenApiContract.served().operations());

        assertThat(registered).as("the server's routes, against the document's operations")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void each_operation_documents_the_scope_its_route_asks_for_and_the_refusals_that_come_with_it() {
        JsonNode paths = api.get("/openapi.json").json().get("paths");
        Map<RouteAccess, String> security = Map.of(
                RouteAccess.PUBLIC, "[]",
                RouteAccess.READ, "[{},{\"bearer\":[\"deals:read\"]}]",
                RouteAccess.WRITE, "[{\"bearer\":[\"deals:write\"]}]",
                RouteAccess.IMPORT, "[{\"bearer\":[\"deals:import\"]}]");

        for (MatchedRoute route : routes()) {
            JsonNode operation = paths.get(route.openApiPath()).get(route.method().toLowerCase(Locale.ROOT));
            JsonNode responses = operation.get("responses");
            assertThat(operation.get("security").toString()).as("security of %s", operation(route))
                    .isEqualTo(security.get(route.access()));
            boolean limited = route.access() != RouteAccess.PUBLIC;
            for (String refusal : Set.of("401", "403", "429")) {
                assertThat(responses.has(refusal)).as("%s documents %s", operation(route), refusal).isEqualTo(limited);
            }
        }
    }

    private static String operation(MatchedRoute route) {
        return route.method() + " " + route.openApiPath();
    }
}
