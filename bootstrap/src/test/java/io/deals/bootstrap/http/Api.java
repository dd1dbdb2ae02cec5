package io.deals.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.bootstrap.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client of the running server, for tests. Every reply is checked against what the
 * contract promises of every response: an {@code X-Request-Id}, {@code X-Content-Type-Options:
 * nosniff} and no {@code Server} header, and for an error the one error shape, as JSON, with no
 * stack trace, SQL or class name in it, and {@code Cache-Control: no-store}; and against the OpenAPI
 * document ({@link OpenApiContract}): its operation, status, headers and body schema. It sends a
 * token with every scope (made with {@link TestTokens#SETTINGS}, which test servers verify with)
 * unless a request carries its own {@code Authorization} header or the client was made
 * {@link #anonymous()}.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|spark)\\.[a-z]\\w*\\.");
    private static final Pattern CURSOR_VALUE = Pattern.compile("\"next_cursor\":\"[A-Za-z0-9_.-]*\"");
    /** Exempt from the leak checks when served: the API's description names SQL on purpose, Swagger UI's page is code. */
    private static final Pattern DOCUMENTATION = Pattern.compile("/openapi\\.json|/docs(/.*)?");
    private static final List<String> LEAKS = List.of("Exception", "at io.deals", "SQL", "\tat ", "PSQL", "jdbc",
            "Caused by");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final Optional<String> token;

    Api(int port) {
        this(URI.create("http://localhost:" + port), Optional.of(TestTokens.ALL_SCOPES));
    }

    private Api(URI base, Optional<String> token) {
        this.base = base;
        this.token = token;
    }

    /** This client sending {@code other} as its token. */
    Api withToken(String other) {
        return new Api(base, Optional.of(other));
    }

    /** This client sending no token. */
    Api anonymous() {
        return new Api(base, Optional.empty());
    }

    /** The server's port, for requests made without this client. */
    int port() {
        return base.getPort();
    }

    /** What came back: status, headers, the raw body and, when it is JSON, the parsed body. */
    record Reply(int status, HttpHeaders headers, String text, JsonNode json) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String etag() {
            return header("ETag");
        }

        long id() {
            return json.get("id").asLong();
        }

        long version() {
            return json.get("version").asLong();
        }

        JsonNode error() {
            return json.get("error");
        }

        String errorCode() {
            return error().get("code").asText();
        }

        /** Each detail as {@code field:code}. */
        Set<String> details() {
            Set<String> details = new HashSet<>();
            JsonNode array = error().get("details");
            if (array != null) {
                array.forEach(d -> details.add(d.get("field").asText() + ":" + d.get("code").asText()));
            }
            return details;
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, BodyPublishers.ofString(json), withJsonType(headers));
    }

    Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, BodyPublishers.ofString(json), withJsonType(headers));
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, BodyPublishers.noBody(), headers);
    }

    /** Any method and body; {@code headers} are name, value pairs. */
    Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!named("Authorization", headers)) {
            token.ifPresent(value -> request.header("Authorization", TestTokens.bearer(value)));
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body(),
                    parse(response.body()));
            checkInvariants(method, path, reply);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A reply read some other way than through this client (a raw socket, a stream), checked like
     * every other; {@code target} is the request's path or URI.
     */
    static Reply received(String method, String target, int status, HttpHeaders headers, String text) {
        Reply reply = new Reply(status, headers, text, parse(text));
        checkInvariants(method, target, reply);
        return reply;
    }

    static String quoted(long version) {
        return "\"" + version + "\"";
    }

    private static boolean named(String name, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String[] withJsonType(String... headers) {
        if (named("Content-Type", headers)) {
            return headers;
        }
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type");
        all.add("application/json");
        return all.toArray(String[]::new);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void checkInvariants(String method, String target, Reply reply) {
        OpenApiContract.served().check(method, target, reply.status(), reply.headers(), reply.text());
        String request = method + " " + target + " -> " + reply.status() + " " + reply.text();
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id of %s", request).isNotNull().matches(SANE_REQUEST_ID);
        assertThat(reply.header("X-Content-Type-Options")).as("X-Content-Type-Options of %s", request)
                .isEqualTo("nosniff");
        assertThat(reply.headers().allValues("Server")).as("Server header of %s", request).isEmpty();
        if (reply.status() >= 400 || !DOCUMENTATION.matcher(URI.create(target).getRawPath()).matches()) {
            // A page cursor is random-looking Base64 that may spell "SQL" or "jdbc" by chance.
            String text = CURSOR_VALUE.matcher(reply.text()).replaceAll("\"next_cursor\":\"\"");
            for (String leak : LEAKS) {
                assertThat(text).as("body of %s", request).doesNotContain(leak);
            }
            assertThat(text).as("body of %s", request).doesNotContainPattern(CLASS_NAME);
        }
        if (reply.status() >= 400) {
            assertThat(reply.header("Content-Type")).as("Content-Type of %s", request).startsWith("application/json");
            assertThat(reply.header("Cache-Control")).as("Cache-Control of %s", request).isEqualTo("no-store");
            assertThat(reply.json()).as("error body of %s: %s", request, reply.text()).isNotNull();
            assertThat(names(reply.json())).as("top level of the error of %s", request).containsExactly("error");
            JsonNode error = reply.error();
            assertThat(names(error)).as("fields of the error of %s", request)
                    .contains("code", "message", "request_id")
                    .isSubsetOf("code", "message", "details", "request_id");
            assertThat(error.get("code").isTextual()).isTrue();
            assertThat(error.get("code").asText()).matches("[A-Z_]+");
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(error.get("request_id").asText()).as("request_id of %s", request).isEqualTo(requestId);
            if (error.has("details")) {
                assertThat(error.get("details").isArray()).isTrue();
                // An imported file's row also names its physical line (API.md, "Imports").
                error.get("details").forEach(detail -> {
                    assertThat(names(detail)).as("a detail of %s", request)
                            .contains("field", "code", "message").isSubsetOf("line", "field", "code", "message");
                    if (detail.has("line")) {
                        assertThat(detail.get("line").isIntegralNumber()).as("line of %s", request).isTrue();
                    }
                });
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
