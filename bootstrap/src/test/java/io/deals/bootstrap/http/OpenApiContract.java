package io.deals.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.deals.adapters.web.docs.OpenApiDocument;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the OpenAPI document promises of a reply, checked for every reply the HTTP tests receive:
 * the path matches one of its path templates, the method and the status are documented for it,
 * the documented required headers are there and match their schemas, the media type is one it
 * lists, and a JSON body validates against the response's schema (its {@code $ref}s resolved
 * within the document). A reply that breaks any of it fails the test that received it.
 *
 * <p>Requests outside the document (an unknown path, another method) may only be answered as its
 * description says, each as its response in the components: 404 {@code NotFound}, 405
 * {@code MethodNotAllowed} (with {@code Allow} naming exactly the documented methods), or the 400
 * {@code BadRequest} and 503 {@code Unavailable} any request may get.
 */
public final class OpenApiContract {

    private static final String DOCUMENT_ID = "https://deals.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The answers a request outside the document may get, by status: the components that describe them. */
    private static final Map<Integer, String> UNROUTED = Map.of(400, "BadRequest", 404, "NotFound", 503, "Unavailable");
    private static final Map<Integer, String> WRONG_METHOD = Map.of(400, "BadRequest", 405, "MethodNotAllowed",
            503, "Unavailable");
    /** Jetty refuses a request line or header block too long to read before any route: the document allows it anywhere. */
    private static final Set<Integer> TOO_LONG_TO_READ = Set.of(414, 431);
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final OpenApiContract SERVED = new OpenApiContract(OpenApiDocument.tree());

    /** A response object of the document and where it sits, so that schemas inside it can be named. */
    private record Located(String pointer, JsonNode node) {
    }

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
        // The document's members around its schemas (paths, info...) are no keywords: no warning for each.
        Dialect openApi = Dialect.builder(Dialects.getOpenApi31())
                .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name)).build();
        // The document's own schemas resolve within it; nothing is fetched from anywhere.
        this.registry = SchemaRegistry.withDefaultDialect(openApi, builder -> builder
                .schemas(Map.of(DOCUMENT_ID, document.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The contract of the document the server serves. */
    public static OpenApiContract served() {
        return SERVED;
    }

    /** The document's operations, as {@code METHOD /path/{template}}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path ->
                methods(path.getValue()).forEach(method -> operations.add(method + " " + path.getKey())));
        return operations;
    }

    /** The methods a path item has operations for, upper-case; its other members (parameters, summary...) are none. */
    private static Set<String> methods(JsonNode pathItem) {
        Set<String> methods = new TreeSet<>();
        pathItem.fieldNames().forEachRemaining(key -> {
            if (HTTP_METHODS.contains(key)) {
                methods.add(key.toUpperCase(Locale.ROOT));
            }
        });
        return methods;
    }

    /**
     * Fails with an {@link AssertionError} naming what is wrong unless the reply is one the document
     * allows. {@code target} is the request's path (with its query) or its whole URI; {@code body}
     * is null when it was not read (a stream).
     */
    public void check(String method, String target, int status, HttpHeaders headers, String body) {
        String path = URI.create(target).getRawPath();
        String call = method + " " + path + " -> " + status;
        if (TOO_LONG_TO_READ.contains(status)) {
            checkResponse(call, resolve("/components/responses/BadRequest"), headers, body);
            return;
        }
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            require(UNROUTED.containsKey(status), call,
                    "no path of the document matches " + path + ", so only 404 (or 400, 503) may answer it");
            checkResponse(call, resolve("/components/responses/" + UNROUTED.get(status)), headers, body);
            return;
        }
        String pathPointer = "/paths/" + escape(template.get());
        JsonNode operation = document.at(pathPointer).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            checkUndocumentedMethod(call, pathPointer, status, headers, body);
            return;
        }
        String statusKey = String.valueOf(status);
        JsonNode responses = operation.get("responses");
        require(responses.has(statusKey), call, "status " + status + " is not documented for " + method + " "
                + template.get() + " (documented: " + names(responses) + ")");
        checkResponse(call, resolve(pathPointer + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + statusKey),
                headers, body);
    }

    private void checkResponse(String call, Located response, HttpHeaders headers, String body) {
        checkHeaders(call, response, headers);
        checkContent(call, response, headers, body);
    }

    /** The document's path template for {@code path}: a literal one before one with parameters, as OpenAPI says. */
    private Optional<String> template(String path) {
        String[] segments = path.split("/", -1);
        List<String> candidates = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(template -> {
            String[] parts = template.split("/", -1);
            if (parts.length == segments.length && matches(parts, segments)) {
                candidates.add(template);
            }
        });
        return candidates.stream().min((a, b) -> Long.compare(parameters(a), parameters(b)));
    }

    private static boolean matches(String[] template, String[] segments) {
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static long parameters(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    private void checkUndocumentedMethod(String call, String pathPointer, int status, HttpHeaders headers, String body) {
        Set<String> documented = methods(document.at(pathPointer));
        require(WRONG_METHOD.containsKey(status), call,
                "the method is not documented for this path, so only 405 (or 400, 503) may answer it");
        if (status == 405) {
            Set<String> allowed = headers.firstValue("Allow").stream()
                    .flatMap(allow -> Set.of(allow.split(",")).stream()).map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new));
            require(allowed.equals(documented), call, "Allow names " + allowed + " but the document has " + documented);
        }
        checkResponse(call, resolve("/components/responses/" + WRONG_METHOD.get(status)), headers, body);
    }

    private void checkHeaders(String call, Located response, HttpHeaders headers) {
        JsonNode documented = response.node().get("headers");
        if (documented == null) {
            return;
        }
        documented.fields().forEachRemaining(entry -> {
            JsonNode reference = entry.getValue();
            String headerPointer = reference.has("$ref") ? reference.get("$ref").asText()
                    : response.pointer() + "/headers/" + escape(entry.getKey());
            JsonNode header = document.at(headerPointer.substring(1));
            Optional<String> value = headers.firstValue(entry.getKey());
            if (header.path("required").asBoolean(false)) {
                require(value.isPresent(), call, "the required header " + entry.getKey() + " is missing");
            }
            value.ifPresent(text -> {
                JsonNode schema = header.get("schema");
                JsonNode instance = schema.path("type").asText().equals("integer") ? integer(text) : TextNode.valueOf(text);
                List<Error> errors = schemaAt(headerPointer + "/schema").validate(instance);
                require(errors.isEmpty(), call, "the header " + entry.getKey() + ": " + text + " breaks its schema: " + errors);
            });
        });
    }

    private void checkContent(String call, Located response, HttpHeaders headers, String body) {
        JsonNode content = response.node().get("content");
        if (content == null) {
            require(body == null || body.isEmpty(), call, "the document says there is no body, but there is: " + excerpt(body));
            return;
        }
        String mediaType = mediaType(headers);
        require(content.has(mediaType), call, "Content-Type " + mediaType + " is not documented (documented: "
                + names(content) + ")");
        if (isJson(mediaType)) {
            checkJsonBody(call, response.pointer() + "/content/" + escape(mediaType) + "/schema", headers, body);
        }
    }

    /** A JSON body against the schema at {@code pointer} ({@code #/...}); a body not read is not checked. */
    private void checkJsonBody(String call, String pointer, HttpHeaders headers, String body) {
        if (body == null) {
            return;
        }
        require(isJson(mediaType(headers)), call, "the body must be application/json, not " + mediaType(headers));
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(call + ": the body is not JSON: " + excerpt(body));
        }
        List<Error> errors = schemaAt(pointer).validate(json);
        require(errors.isEmpty(), call, "the body breaks the schema at " + pointer + ":\n  "
                + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\nbody: " + excerpt(body));
    }

    private Schema schemaAt(String pointer) {
        return schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(DOCUMENT_ID + at)));
    }

    /** The response at {@code pointer}, following a {@code $ref} to where it really is. */
    private Located resolve(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.has("$ref")) {
            String target = node.get("$ref").asText();
            return new Located(target, document.at(target.substring(1)));
        }
        return new Located("#" + pointer, node);
    }

    private static JsonNode integer(String text) {
        try {
            return LongNode.valueOf(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    private static String mediaType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").map(type -> type.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("(none)");
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String excerpt(String body) {
        return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "...";
    }

    private static void require(boolean condition, String call, String what) {
        if (!condition) {
            throw new AssertionError("the reply breaks the OpenAPI document: " + call + ": " + what);
        }
    }
}
