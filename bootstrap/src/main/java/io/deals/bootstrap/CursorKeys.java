package io.deals.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs page cursors: {@code DEALS_CURSOR_KEY} (Base64, at least 32 bytes) when set,
 * else one kept in the data directory, made on first start, so cursors survive a restart.
 */
public final class CursorKeys {

    private static final int BYTES = 32;
    private static final String FILE = "cursor.key";

    private CursorKeys() {
    }

    public static byte[] random() {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** {@code configured} (Base64) when set, else the key kept in {@code dataDirectory}, made on first use. */
    public static byte[] configuredOrKeptIn(String configured, Path dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DEALS_CURSOR_KEY must be Base64");
            }
            if (key.length < BYTES) {
                throw new IllegalArgumentException("DEALS_CURSOR_KEY must hold at least " + BYTES + " bytes");
            }
            return key;
        }
        return keptIn(dataDirectory);
    }

    private static byte[] keptIn(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDirectory);
            byte[] key = random();
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cursor key in " + file, e);
        }
    }
}
