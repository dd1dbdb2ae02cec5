package io.deals.adapters.web.shared;

import io.deals.application.shared.port.in.Keyset;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;

/**
 * Opaque page cursors: the keyset position and a digest of the filters and sort that made it,
 * signed with the server's key (HMAC-SHA256), in URL-safe Base64. A cursor that was altered, or
 * that comes back with other filters or sort, is refused with 400 INVALID_CURSOR.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Cursors(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a cursor key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The canonical form of a query's filters and sort, for {@link #encode}: each part written with
     * its length, so that no choice of values can spell another query's binding.
     */
    public static String binding(Object... parts) {
        StringBuilder binding = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Collection<?> many) {
                binding.append('[').append(binding(many.toArray())).append(']');
            } else {
                String text = part == null ? "" : part.toString();
                binding.append(part == null ? "-" : text.length() + ":" + text).append(';');
            }
        }
        return binding.toString();
    }

    /** {@code binding} names the query the cursor belongs to: its filters and sort, see {@link #binding}. */
    public String encode(String binding, Keyset position) {
        String payload = digest(binding) + "\n" + position.id() + "\n" + position.sortValue();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    public Keyset decode(String cursor, String binding) {
        String[] parts = cursor.split("\\.", -1);
        byte[] payload;
        byte[] signature;
        try {
            if (parts.length != 2) {
                throw invalid("is not a cursor this server issued");
            }
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
            // Only the one form encode() writes: the decoder ignores a last character's unused
            // bits and takes padding, so other strings would decode to the same signed bytes.
            if (!ENCODER.encodeToString(payload).equals(parts[0])
                    || !ENCODER.encodeToString(signature).equals(parts[1])) {
                throw invalid("is not a cursor this server issued");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this server issued");
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw invalid("was altered or signed by another server");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", 3);
        if (fields.length != 3 || !fields[0].equals(digest(binding))) {
            throw invalid("belongs to other filters or another sort; start again without it");
        }
        return new Keyset(fields[2], Long.parseLong(fields[1]));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }

    private static String digest(String binding) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(hash, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static HttpProblem invalid(String why) {
        return new HttpProblem(400, "INVALID_CURSOR", "the cursor " + why);
    }
}
