package io.deals.bootstrap.cli;

import io.deals.adapters.web.access.InvalidTokenException;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.access.TokenVerifier;
import io.deals.adapters.web.access.VerifiedToken;
import io.deals.bootstrap.ServerSecret;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@code deals token}: a token signed with the key {@code serve} keeps in the data directory. */
class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void prints_a_write_token_for_30_days_by_default_signed_with_the_data_directorys_key() throws Exception {
        byte[] key = ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDir).bytes();

        assertThat(run("token", "--data-dir", dataDir.toString())).isZero();

        String token = out.toString().strip();
        VerifiedToken verified = new TokenVerifier(TokenSettings.sharedSecret(key)).verify(token);
        assertThat(verified.subject()).isEqualTo("deals-operator");
        assertThat(verified.scopes()).containsExactlyInAnyOrder("deals:write", "deals:import");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void prints_the_scopes_subject_lifetime_issuer_and_audience_asked_for() throws Exception {
        byte[] key = ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDir).bytes();

        assertThat(run("token", "--data-dir", dataDir.toString(), "--scope", "deals:read", "--subject", "dashboard",
                "--ttl", "2h", "--jwt-issuer", "https://deals.example", "--jwt-audience", "deals-api")).isZero();

        String token = out.toString().strip();
        VerifiedToken verified = new TokenVerifier(TokenSettings.sharedSecret(key).withIssuer("https://deals.example")
                .withAudience("deals-api")).verify(token);
        assertThat(verified.subject()).isEqualTo("dashboard");
        assertThat(verified.scopes()).containsExactly("deals:read");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> new TokenVerifier(TokenSettings.sharedSecret(ServerSecret.random())).verify(token))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refuses_a_data_directory_without_a_key_and_makes_none() {
        assertThat(run("token", "--data-dir", dataDir.toString())).isEqualTo(OneLineErrors.USAGE);

        assertThat(oneLine()).contains("no token key in " + dataDir).contains("deals serve").contains("DEALS_JWT_SECRET");
        assertThat(dataDir.resolve("jwt.key")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refuses_when_tokens_are_verified_with_public_keys() throws Exception {
        ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDir);
        Path keys = Files.writeString(dataDir.resolve("idp.pem"), "anything");

        assertThat(run("token", "--data-dir", dataDir.toString(), "--jwt-public-keys", keys.toString()))
                .isEqualTo(OneLineErrors.USAGE);

        assertThat(oneLine()).contains("public keys").contains("identity provider");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refuses_an_unknown_scope_a_bad_lifetime_or_a_blank_subject_in_one_line() {
        ServerSecret.TOKEN_KEY.configuredOrKeptIn(null, dataDir);

        assertThat(run("token", "--data-dir", dataDir.toString(), "--scope", "deals:admin")).isEqualTo(OneLineErrors.USAGE);
        assertThat(oneLine()).contains("--scope").contains("deals:admin").contains("deals:write");

        err.getBuffer().setLength(0);
        assertThat(run("token", "--data-dir", dataDir.toString(), "--ttl", "forever")).isEqualTo(OneLineErrors.USAGE);
        assertThat(oneLine()).contains("--ttl").contains("forever");

        err.getBuffer().setLength(0);
        assertThat(run("token", "--data-dir", dataDir.toString(), "--subject", " ")).isEqualTo(OneLineErrors.USAGE);
        assertThat(oneLine()).contains("--subject");
        assertThat(out.toString()).isEmpty();
    }

    private String oneLine() {
        String line = err.toString().strip();
        assertThat(line).doesNotContain("\n").doesNotContain("\tat ");
        return line;
    }

    private int run(String... args) {
        CommandLine commandLine = DealsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
