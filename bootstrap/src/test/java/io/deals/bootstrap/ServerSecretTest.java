package io.deals.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSecretTest {

    @TempDir
    Path dataDirectory;

    @Test
    void makes_the_secret_once_in_a_file_only_its_owner_can_read_and_keeps_it() throws IOException {
        Path dataDir = dataDirectory.resolve("new");

        ServerSecret.Kept first = ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDir);
        ServerSecret.Kept second = ServerSecret.TOKEN_KEY.configuredOrKeptIn(" ", dataDir);

        Path file = dataDir.resolve("jwt.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.made()).isTrue();
        assertThat(first.bytes()).hasSize(32);
        assertThat(second.made()).isFalse();
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(Base64.getDecoder().decode(Files.readString(file))).isEqualTo(first.bytes());
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no draft left beside the key").containsExactly(file);
        }
    }

    @Test
    void each_secret_has_a_file_of_its_own() {
        byte[] token = ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDirectory).bytes();
        byte[] cursor = ServerSecret.CURSOR_KEY.configuredOrKeptIn(null, dataDirectory).bytes();

        assertThat(cursor).isNotEqualTo(token);
        assertThat(dataDirectory.resolve("cursor.key")).exists();
        assertThat(dataDirectory.resolve("jwt.key")).exists();
    }

    @Test
    void a_configured_secret_wins_and_nothing_is_written() {
        byte[] secret = ServerSecret.random();

        ServerSecret.Kept kept = ServerSecret.TOKEN_KEY.configuredOrKeptIn(Base64.getEncoder().encodeToString(secret),
                dataDirectory);

        assertThat(kept.bytes()).isEqualTo(secret);
        assertThat(kept.made()).isFalse();
        assertThat(dataDirectory.resolve("jwt.key")).doesNotExist();
    }

    @Test
    void refuses_a_configured_secret_that_is_not_base64_of_32_bytes_naming_the_variable() {
        assertThatThrownBy(() -> ServerSecret.TOKEN_KEY.configuredOrKeptIn("not base64!", dataDirectory))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("DEALS_JWT_SECRET must be Base64");
        assertThatThrownBy(() -> ServerSecret.TOKEN_KEY.configuredOrKeptIn(
                Base64.getEncoder().encodeToString(new byte[31]), dataDirectory))
                .hasMessage("DEALS_JWT_SECRET must hold at least 32 bytes");
    }

    @Test
    void refuses_a_kept_file_that_was_damaged_naming_it() throws IOException {
        Path file = Files.writeString(dataDirectory.resolve("cursor.key"), "c2hvcnQ=");

        assertThatThrownBy(() -> ServerSecret.CURSOR_KEY.configuredOrKeptIn(null, dataDirectory).bytes())
                .hasMessage(file + " must hold at least 32 bytes");
    }

    @Test
    void looking_for_a_secret_makes_none() {
        assertThat(ServerSecret.TOKEN_KEY.configuredOrFoundIn(null, dataDirectory)).isEmpty();
        assertThat(dataDirectory.resolve("jwt.key")).doesNotExist();

        byte[] made = ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDirectory).bytes();

        assertThat(ServerSecret.TOKEN_KEY.configuredOrFoundIn(null, dataDirectory)).hasValue(made);
    }
}
