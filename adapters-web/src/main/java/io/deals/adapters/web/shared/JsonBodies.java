package io.deals.adapters.web.shared;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import spark.Request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Reads a JSON object body: right media type, at most 1 MiB, well-formed. */
public final class JsonBodies {

    public static final int MAX_BYTES = 1024 * 1024;
    /** How much of an oversize body is read and dropped before answering 413; past it Jetty closes the connection. */
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    public static final Set<String> JSON = Set.of("application/json");
    public static final Set<String> MERGE_PATCH = Set.of("application/json", "application/merge-patch+json");

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode readObject(Request request, Set<String> mediaTypes) {
        RequestBodies.requireMediaType(request.contentType(), mediaTypes);
        JsonNode node;
        try {
            node = json.readTree(readLimited(request));
        } catch (StreamConstraintsException e) {
            throw HttpProblem.badRequest("the JSON is nested too deeply or holds a number or string too long");
        } catch (JsonParseException e) {
            throw HttpProblem.badRequest("malformed JSON" + at(e.getLocation()) + ": " + withoutSourceNote(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            // Not a syntax error (e.g. a second value after the first): Jackson's wording names its own classes.
            throw HttpProblem.badRequest("the body must be exactly one JSON object" + at(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isMissingNode()) {
            throw HttpProblem.badRequest("the body must be a JSON object, and it is empty");
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Jackson's messages point at a source location it does not show (the line and column say it
     * already) and name its own settings; neither is for a client.
     */
    private static String withoutSourceNote(String message) {
        for (String internal : new String[] {" (start marker at [Source", ": enable `", " (for Object starting at"}) {
            int note = message.indexOf(internal);
            if (note >= 0) {
                message = message.substring(0, note);
            }
        }
        return message;
    }

    /**
     * Refuses an announced oversize body without buffering it, and stops keeping a chunked one at
     * the limit. Either way the rest is read and dropped (up to a bound), so that a client still
     * sending its body receives the 413 instead of a reset connection.
     */
    private static byte[] readLimited(Request request) throws IOException {
        long announced = request.raw().getContentLengthLong();
        if (announced > MAX_BYTES) {
            discard(RequestBodies.unbuffered(request), announced);
            throw tooLarge();
        }
        try (InputStream in = request.raw().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                discard(in, Long.MAX_VALUE);
                throw tooLarge();
            }
            return body;
        }
    }

    private static void discard(InputStream in, long announced) throws IOException {
        if (announced <= MAX_DISCARDED_BYTES) {
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            for (int n; total <= MAX_DISCARDED_BYTES && (n = in.read(sink)) >= 0; ) {
                total += n;
            }
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "PAYLOAD_TOO_LARGE", "the body must be at most " + MAX_BYTES + " bytes");
    }
}
