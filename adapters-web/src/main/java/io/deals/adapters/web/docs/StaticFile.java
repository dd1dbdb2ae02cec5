package io.deals.adapters.web.docs;

import io.deals.adapters.web.shared.Preconditions;
import io.deals.adapters.web.shared.Responses;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A file the server holds in memory and answers as it is: its media type, and an entity tag made
 * of its content, so that a client may keep a copy and revalidate it ({@code no-cache}) with
 * {@code If-None-Match} for a 304 instead of the bytes again.
 */
final class StaticFile {

    private final byte[] bytes;
    private final String contentType;
    private final String etag;

    StaticFile(byte[] bytes, String contentType) {
        this.bytes = bytes.clone();
        this.contentType = contentType;
        this.etag = "\"" + HexFormat.of().formatHex(Arrays.copyOf(sha256(bytes), 16)) + "\"";
    }

    /** A file packaged with the server. */
    static StaticFile resource(String path, String contentType) {
        return new StaticFile(read(path), contentType);
    }

    /** The bytes of a file packaged with the server: a missing one is a packaging bug, found at start. */
    static byte[] read(String path) {
        try (InputStream in = StaticFile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the server's jar lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The file, or 304 when the client's copy is current. Spark writes the bytes as they are. */
    Object answer(Request request, Response response) {
        response.header("ETag", etag);
        response.header("Cache-Control", "no-cache");
        if (Preconditions.notModified(request, etag)) {
            return Responses.empty(response, 304);
        }
        response.status(200);
        response.type(contentType);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
