package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI at {@code /docs}, served from the jar over this server's own document; {@code /} leads there. */
class SwaggerUiIT extends ApiTestBase {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*[\"']?([^)\"']+)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css",
            "png", "image/png", "html", "text/html");

    @Test
    void the_page_is_served_at_docs_with_and_without_the_slash() {
        Reply page = api.get("/docs");
        Reply slashed = api.get("/docs/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<div id=\"swagger-ui\"></div>");
        assertThat(slashed.status()).isEqualTo(200);
        assertThat(slashed.text()).isEqualTo(page.text());
    }

    @Test
    void every_file_the_page_references_is_served_with_its_media_type() {
        List<String> references = references(api.get("/docs").text(), REFERENCE);

        assertThat(references).hasSize(6).allSatisfy(reference -> assertThat(reference).startsWith("/docs/"));
        for (String reference : references) {
            Reply file = api.get(reference);
            assertThat(file.status()).as(reference).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(reference)
                    .startsWith(TYPES.get(reference.substring(reference.lastIndexOf('.') + 1)));
            assertThat(file.text()).as(reference).isNotEmpty();
        }
    }

    @Test
    void the_page_shows_this_servers_document_and_keeps_an_authorization() {
        String initializer = api.get("/docs/swagger-initializer.js").text();

        assertThat(initializer).contains("url: \"/openapi.json\"").contains("persistAuthorization: true")
                .doesNotContain("petstore");
    }

    @Test
    void nothing_the_page_loads_points_at_another_server() {
        String page = api.get("/docs").text();
        List<String> loaded = new ArrayList<>(references(page, REFERENCE));
        loaded.addAll(references(api.get("/docs/swagger-ui.css").text(), CSS_URL));
        loaded.addAll(references(api.get("/docs/index.css").text(), CSS_URL));
        String initializer = api.get("/docs/swagger-initializer.js").text();

        assertThat(loaded).isNotEmpty().allSatisfy(reference -> assertThat(reference).matches("^(/docs/|data:).*"));
        assertThat(initializer).doesNotContain("http://").doesNotContain("https://")
                // Swagger UI would otherwise send the document to its online validator for a badge.
                .contains("validatorUrl: null");
    }

    @Test
    void a_file_that_is_not_part_of_the_page_is_404_as_json() {
        assertError(api.get("/docs/nothing.js"), 404, "NOT_FOUND");
        // In the webjar, but not a file of this page.
        assertError(api.get("/docs/swagger-ui.js"), 404, "NOT_FOUND");
        assertError(api.get("/docs/swagger-ui.css/more"), 404, "NOT_FOUND");
    }

    @Test
    void no_path_reaches_other_files_of_the_jar() {
        for (String escape : List.of("/docs/..%2Fopenapi.yaml", "/docs/%2e%2e%2fMETA-INF%2fMANIFEST.MF",
                "/docs/..%5Copenapi.yaml", "/docs/%2E%2E")) {
            Reply refused = api.get(escape);
            assertThat(refused.status()).as(escape).isIn(400, 404);
            assertThat(refused.text()).as(escape).doesNotContain("openapi:").doesNotContain("Manifest-Version");
        }
    }

    @Test
    void the_root_sends_a_browser_to_the_docs() {
        Reply root = api.get("/");

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).isEqualTo("/docs");
    }

    private static List<String> references(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
