package io.deals.adapters.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
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
        return new IdempotencyKey(scope, key, sha256(body.toString()));
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
