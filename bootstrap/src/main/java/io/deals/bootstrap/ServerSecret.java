package io.deals.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret of at least 32 random bytes the server needs across restarts: given as Base64 in an
 * environment variable, or else kept in a file of the data directory, made readable by its owner
 * alone (0600) the first time it is needed.
 */
public enum ServerSecret {
    /** Signs page cursors. */
    CURSOR_KEY("DEALS_CURSOR_KEY", "cursor.key"),
    /** Signs and verifies the server's own tokens (HS256). */
    TOKEN_KEY("DEALS_JWT_SECRET", "jwt.key");

    /** The secret, and whether it was made just now (in a file that did not exist before). */
    public record Kept(byte[] bytes, boolean made) {

        public Kept {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    public static final int BYTES = 32;

    private final String variable;
    private final String file;

    ServerSecret(String variable, String file) {
        this.variable = variable;
        this.file = file;
    }

    /** The environment variable that gives the secret. */
    public String variable() {
        return variable;
    }

    /** Where the secret is kept in {@code dataDirectory} when no variable gives it. */
    public Path fileIn(Path dataDirectory) {
        return dataDirectory.resolve(file);
    }

    public static byte[] random() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * {@code configured} (the variable's Base64) when set, else the secret kept in {@code dataDirectory},
     * made on first use.
     *
     * @throws IllegalArgumentException when the variable or the file does not hold Base64 of 32 bytes or more
     */
    public Kept configuredOrKeptIn(String configured, Path dataDirectory) {
        return configured(configured).map(secret -> new Kept(secret, false)).orElseGet(() -> keptIn(dataDirectory));
    }

    /** {@code configured} when set, else the secret already kept in {@code dataDirectory}, if any: none is made. */
    public Optional<byte[]> configuredOrFoundIn(String configured, Path dataDirectory) {
        Optional<byte[]> given = configured(configured);
        if (given.isPresent()) {
            return given;
        }
        Path path = fileIn(dataDirectory);
        return Files.exists(path) ? Optional.of(read(path)) : Optional.empty();
    }

    private Optional<byte[]> configured(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(decoded(configured, variable));
    }

    private Kept keptIn(Path dataDirectory) {
        Path path = fileIn(dataDirectory);
        if (Files.exists(path)) {
            return new Kept(read(path), false);
        }
        byte[] secret = random();
        try {
            Files.createDirectories(dataDirectory);
            // Made with its permissions at once: there is no moment when others could read it.
            Path draft = Files.createTempFile(dataDirectory, file, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(draft, Base64.getEncoder().encodeToString(secret));
                // Linked into place whole: a crash leaves no empty key, and a link never replaces one.
                Files.createLink(path, draft);
                return new Kept(secret, true);
            } catch (FileAlreadyExistsException another) {
                // Another process made it between our look and our link: theirs is the one.
                return new Kept(read(path), false);
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + file + " in " + dataDirectory, e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return decoded(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static byte[] decoded(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be Base64");
        }
        if (secret.length < BYTES) {
            throw new IllegalArgumentException(source + " must hold at least " + BYTES + " bytes");
        }
        return secret;
    }
}
