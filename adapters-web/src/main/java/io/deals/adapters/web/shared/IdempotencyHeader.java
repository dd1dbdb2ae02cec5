package io.deals.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deals.application.shared.port.in.IdempotencyKey;
import spark.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Reads {@code Idempotency-Key}: the key, plus a fingerprint of the parsed body (so whitespace does not count). */
public final class IdempotencyHeader {

    public static final String NAME = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[!-~]{1,255}");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private IdempotencyHeader() {
    }

    /** The request's key for creating in {@code scope}, or {@code null} when it sent none. */
    public static IdempotencyKey read(Request request, String scope, JsonNode body) {
        String key = request.headers(NAME);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw HttpProblem.badRequest(NAME + " must be 1 to 255 visible ASCII characters");
        }
        return new IdempotencyKey(scope, key, sha256(canonical(body)));
    }

    /** The body with every object's keys sorted, so that neither spacing nor key order makes it another body. */
    private static String canonical(JsonNode body) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed body is always writable", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
