package io.deals.bootstrap.cli;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.deals.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deals serve} as a shell user starts it: the first start's token, and keys from the options. */
class ServeTokensIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void the_first_start_prints_one_write_token_that_writes_and_later_starts_print_none() throws Exception {
        String token;
        try (Serving first = new Serving()) {
            List<String> lines = first.out.toString().lines().toList();
            assertThat(lines).as("standard output").hasSize(1);
            assertThat(lines.get(0)).startsWith("Write token: ");
            token = lines.get(0).substring("Write token: ".length());
            assertThat(first.post("/hotels", hotel("+14165550100"), token).statusCode()).isEqualTo(201);
            assertThat(first.post("/hotels", hotel("+14165550101"), null).statusCode()).isEqualTo(401);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt.key"))))
                .isEqualTo("rw-------");

        try (Serving again = new Serving()) {
            assertThat(again.out.toString()).as("standard output of a later start").isEmpty();
            assertThat(again.post("/hotels", hotel("+14165550102"), token).statusCode())
                    .as("the printed token outlives a restart").isEqualTo(201);
        }
    }

    @Test
    void with_an_identity_providers_public_keys_it_makes_no_key_prints_nothing_and_verifies_their_tokens()
            throws Exception {
        ECKey provider = new ECKeyGenerator(Curve.P_256).generate();
        Path keys = Files.writeString(dataDir.resolve("idp.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(provider.toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        try (Serving serving = new Serving("--jwt-public-keys", keys.toString(), "--jwt-issuer", "https://id.test",
                "--private-reads")) {
            assertThat(serving.out.toString()).isEmpty();
            assertThat(dataDir.resolve("jwt.key")).doesNotExist();
            String issued = es256(provider, "https://id.test", "deals:write deals:read");
            assertThat(serving.post("/hotels", hotel("+14165550100"), issued).statusCode()).isEqualTo(201);
            assertThat(serving.get("/hotels", issued).statusCode()).isEqualTo(200);
            assertThat(serving.get("/hotels", null).statusCode()).as("reads are private").isEqualTo(401);
            assertThat(serving.get("/hotels", es256(provider, "https://other.test", "deals:read")).statusCode())
                    .as("another issuer").isEqualTo(401);
        }
    }

    private static String hotel(String phone) {
        return """
                {"name": "Harbour View %s", "city": "Toronto", "country": "Canada", "phone": "%s", "star_rating": 4}"""
                .formatted(phone, phone);
    }

    private static String es256(ECKey key, String issuer, String scope) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("idp-key").build(),
                new JWTClaimsSet.Builder().subject("someone").issuer(issuer).claim("scope", scope)
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        token.sign(new ECDSASigner(key));
        return token.serialize();
    }

    /** {@code deals serve} on the test database, run on a thread of its own until closed (interrupted). */
    private final class Serving implements AutoCloseable {

        final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final int port = freePort();
        private final Thread thread;

        Serving(String... options) throws Exception {
            List<String> args = new ArrayList<>(List.of("serve", "--db-url", TestDatabaseUrl.withCredentials(),
                    "--data-dir", dataDir.toString(), "--port", String.valueOf(port)));
            args.addAll(List.of(options));
            CommandLine commandLine = DealsCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> commandLine.execute(args.toArray(String[]::new)), "serve-under-test");
            thread.start();
            awaitListening();
        }

        HttpResponse<String> post(String path, String json, String token) throws Exception {
            return send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> get(String path, String token) throws Exception {
            return send(request(path, token).GET());
        }

        private HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(PATIENCE);
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private void awaitListening() throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(thread.isAlive()).as("serve ended early: %s", err).isTrue();
                try {
                    if (get("/health", null).statusCode() == 200) {
                        return;
                    }
                } catch (ConnectException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("serve did not answer within " + PATIENCE.toSeconds() + " s: " + err);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("serve stopped when interrupted").isFalse();
            assertThat(err.toString()).as("standard error").isEmpty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
