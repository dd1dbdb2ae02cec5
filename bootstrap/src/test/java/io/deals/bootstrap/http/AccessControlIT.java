package io.deals.bootstrap.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.adapters.web.access.Scope;
import io.deals.adapters.web.access.TokenKeys;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.adapters.web.shared.RouteAccess;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest.BodyPublishers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that is not public, asked with every kind of credential a client may send, on a
 * server with public reads, one with private reads, and one that expects an issuer and an
 * audience. The routes come from the server itself, so a route added later is in the matrix.
 */
class AccessControlIT extends ApiTestBase {

    /** The routes anyone may call with anything: a new one must be added here on purpose. */
    private static final Set<String> PUBLIC_ROUTES = Set.of("GET /health", "GET /metrics", "GET /", "GET /openapi.json",
            "GET /docs", "GET /docs/", "GET /docs/:asset");
    private static final String ISSUER = "https://id.deals.test";
    private static final String AUDIENCE = "deals-api";
    private static final byte[] SECRET = ((TokenKeys.SharedSecret) TestTokens.SETTINGS.keys()).secret();

    /** One way of asking: the headers sent, and what the answer must be. */
    private record Attempt(String name, List<String> headers, Expected expected) {

        /** The values of the headers sent. */
        Stream<String> credentials() {
            return IntStream.range(0, headers.size()).filter(i -> i % 2 == 1).mapToObj(headers::get);
        }
    }

    private enum Expected { ADMITTED, UNAUTHORIZED, INVALID_TOKEN, FORBIDDEN }

    private static final List<DealsServer> servers = new ArrayList<>();
    private static Api privateReads;
    private static Api issuerAndAudience;

    @BeforeAll
    static void startOtherServers() {
        privateReads = start(TestTokens.SETTINGS.withPrivateReads(true));
        issuerAndAudience = start(TestTokens.SETTINGS.withIssuer(ISSUER).withAudience(AUDIENCE));
    }

    @AfterAll
    static void stopOtherServers() {
        servers.forEach(DealsServer::close);
        servers.clear();
    }

    @Test
    void the_server_names_what_each_route_asks_and_only_the_known_ones_are_public() {
        Map<RouteAccess, List<String>> byAccess = routes().stream().collect(Collectors.groupingBy(MatchedRoute::access,
                Collectors.mapping(AccessControlIT::name, Collectors.toList())));

        assertThat(byAccess.get(RouteAccess.PUBLIC)).containsExactlyInAnyOrderElementsOf(PUBLIC_ROUTES);
        assertThat(byAccess.get(RouteAccess.IMPORT)).containsExactly("POST /imports");
        assertThat(byAccess.get(RouteAccess.WRITE)).contains("POST /hotels", "PATCH /hotels/:id", "DELETE /hotels/:id",
                "POST /deals", "PATCH /deals/:id", "DELETE /deals/:id").allMatch(route -> !route.startsWith("GET "));
        assertThat(byAccess.get(RouteAccess.READ)).contains("GET /deals", "GET /deals/:id", "GET /hotels",
                "GET /events/stream").allMatch(route -> route.startsWith("GET "));
    }

    @TestFactory
    Stream<DynamicContainer> writes_and_imports_need_their_scope() {
        return matrix(api, route -> route.access() == RouteAccess.WRITE || route.access() == RouteAccess.IMPORT,
                AccessControlIT::everyCredential);
    }

    @TestFactory
    Stream<DynamicContainer> reads_are_public_but_a_token_sent_is_verified() {
        return matrix(api, route -> route.access() == RouteAccess.READ, route -> List.of(
                new Attempt("no token", List.of(), Expected.ADMITTED),
                new Attempt("a token with another scope", bearer(TestTokens.withScopes(EnumSet.of(Scope.WRITE))),
                        Expected.ADMITTED),
                new Attempt("a bad signature", bearer(hs256(claims(Scope.READ), randomBytes(32))),
                        Expected.INVALID_TOKEN),
                new Attempt("a Basic header", List.of("Authorization", "Basic dXNlcjpwYXNz"), Expected.INVALID_TOKEN)));
    }

    @TestFactory
    Stream<DynamicContainer> private_reads_need_deals_read() {
        return matrix(privateReads, route -> route.access() == RouteAccess.READ, AccessControlIT::everyCredential);
    }

    @TestFactory
    Stream<DynamicContainer> a_server_expecting_an_issuer_and_audience_refuses_tokens_naming_others() {
        return matrix(issuerAndAudience, route -> route.access() != RouteAccess.PUBLIC && route.access() != RouteAccess.READ,
                route -> {
                    Scope needed = needed(route);
                    return List.of(
                            new Attempt("no iss or aud", bearer(hs256(claims(needed), SECRET)), Expected.INVALID_TOKEN),
                            new Attempt("another iss", bearer(hs256(claims(needed).issuer("https://other.test")
                                    .audience(AUDIENCE).build(), SECRET)), Expected.INVALID_TOKEN),
                            new Attempt("another aud", bearer(hs256(claims(needed).issuer(ISSUER).audience("other")
                                    .build(), SECRET)), Expected.INVALID_TOKEN),
                            new Attempt("the right iss and aud", bearer(hs256(claims(needed).issuer(ISSUER)
                                    .audience(List.of("other", AUDIENCE)).build(), SECRET)), Expected.ADMITTED));
                });
    }

    @Test
    void public_and_unrouted_requests_are_not_checked() {
        List<String> garbage = List.of("Authorization", "Bearer not-a-token");

        assertThat(api.get("/health", garbage.toArray(String[]::new)).status()).isEqualTo(200);
        assertError(api.get("/nowhere", garbage.toArray(String[]::new)), 404, "NOT_FOUND");
        assertError(api.send("PUT", "/hotels/1", BodyPublishers.noBody(), garbage.toArray(String[]::new)), 405,
                "METHOD_NOT_ALLOWED");
    }

    @Test
    void the_default_token_of_the_test_client_writes() {
        Reply created = createHotel(HOTEL);

        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.header("WWW-Authenticate")).isNull();
    }

    @Test
    void no_log_line_quotes_a_token_and_the_access_line_names_the_verified_subject() {
        String forged = hs256(claims(Scope.WRITE), randomBytes(32));
        String expired = hs256(claims(Scope.WRITE).expirationTime(Date.from(Instant.now().minusSeconds(600))), SECRET);
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            assertError(api.post("/hotels", HOTEL, "Authorization", "Bearer " + forged, "X-Request-Id", "forged"),
                    401, "UNAUTHORIZED");
            assertError(api.post("/hotels", HOTEL, "Authorization", "Bearer " + expired, "X-Request-Id", "expired"),
                    401, "UNAUTHORIZED");
            assertError(api.post("/hotels", HOTEL, "Authorization", "Bearer " + forged + " " + expired,
                    "X-Request-Id", "two"), 401, "UNAUTHORIZED");
            assertThat(api.anonymous().get("/hotels", "X-Request-Id", "anonymous").status()).isEqualTo(200);
            assertThat(api.post("/hotels", HOTEL, "X-Request-Id", "verified").status()).isEqualTo(201);
        } finally {
            root.detachAppender(lines);
        }

        List<String> logged = lines.list.stream().map(AccessControlIT::text).toList();
        for (String token : List.of(forged, expired, TestTokens.ALL_SCOPES)) {
            for (String part : token.split("\\.")) {
                assertThat(logged).as("log lines").noneMatch(line -> line.contains(part));
            }
        }
        assertThat(accessLine(logged, "forged")).endsWith(" request_id=forged subject=-");
        assertThat(accessLine(logged, "expired")).endsWith(" request_id=expired subject=-");
        assertThat(accessLine(logged, "anonymous")).endsWith(" request_id=anonymous subject=-");
        assertThat(accessLine(logged, "verified")).startsWith("POST /hotels 201 ")
                .endsWith(" request_id=verified subject=" + TestTokens.SUBJECT);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** An event as it would be written: its message and whatever it carries of an exception. */
    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append('\n').append(thrown.getMessage());
        }
        return text.toString();
    }

    private static String accessLine(List<String> logged, String requestId) {
        return logged.stream().filter(line -> line.contains(" request_id=" + requestId + " "))
                .filter(line -> line.matches("[A-Z]+ /\\S* \\d{3} \\d+ms .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no access line for " + requestId + " in " + logged));
    }

    /** The attempts of {@link #attemptsFor} for every route {@code selected}, each a test of its own. */
    private static Stream<DynamicContainer> matrix(Api server, Predicate<MatchedRoute> selected,
                                                   Function<MatchedRoute, List<Attempt>> attemptsFor) {
        List<MatchedRoute> chosen = routes().stream().filter(selected).toList();
        assertThat(chosen).as("routes in this matrix").isNotEmpty();
        return chosen.stream().map(route -> DynamicContainer.dynamicContainer(name(route), attemptsFor.apply(route).stream()
                .map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> check(server, route, attempt)))));
    }

    private static List<Attempt> everyCredential(MatchedRoute route) {
        Scope needed = needed(route);
        Set<Scope> others = EnumSet.complementOf(EnumSet.of(needed));
        Instant now = Instant.now();
        return List.of(
                new Attempt("no token", List.of(), Expected.UNAUTHORIZED),
                new Attempt("Bearer without a token", List.of("Authorization", "Bearer"), Expected.INVALID_TOKEN),
                new Attempt("a Basic header", List.of("Authorization", "Basic dXNlcjpwYXNz"), Expected.INVALID_TOKEN),
                new Attempt("garbage", List.of("Authorization", "garbage"), Expected.INVALID_TOKEN),
                new Attempt("two tokens in one header", List.of("Authorization", "Bearer " + TestTokens.ALL_SCOPES + " "
                        + TestTokens.ALL_SCOPES), Expected.INVALID_TOKEN),
                new Attempt("two Authorization headers", List.of("Authorization", "Bearer " + TestTokens.ALL_SCOPES,
                        "Authorization", "Bearer " + TestTokens.ALL_SCOPES), Expected.INVALID_TOKEN),
                new Attempt("not a JWT", bearer("not.a.jwt"), Expected.INVALID_TOKEN),
                new Attempt("a bad signature", bearer(hs256(claims(needed), randomBytes(32))), Expected.INVALID_TOKEN),
                new Attempt("alg none", bearer(new PlainJWT(claims(needed).build()).serialize()), Expected.INVALID_TOKEN),
                new Attempt("an unexpected algorithm", bearer(signed(JWSAlgorithm.HS512, claims(needed).build(),
                        randomBytes(64))), Expected.INVALID_TOKEN),
                new Attempt("expired", bearer(hs256(claims(needed).expirationTime(Date.from(now.minusSeconds(120)))
                        .build(), SECRET)), Expected.INVALID_TOKEN),
                new Attempt("not yet valid", bearer(hs256(claims(needed).notBeforeTime(Date.from(now.plusSeconds(120)))
                        .build(), SECRET)), Expected.INVALID_TOKEN),
                new Attempt("no sub", bearer(hs256(claims(needed).subject(null).build(), SECRET)), Expected.INVALID_TOKEN),
                new Attempt("no exp", bearer(hs256(claims(needed).expirationTime(null).build(), SECRET)),
                        Expected.INVALID_TOKEN),
                new Attempt("every other scope", bearer(TestTokens.withScopes(others)), Expected.FORBIDDEN),
                new Attempt("the right scope", bearer(TestTokens.withScopes(EnumSet.of(needed))), Expected.ADMITTED));
    }

    private static void check(Api server, MatchedRoute route, Attempt attempt) {
        String[] headers = attempt.headers().toArray(String[]::new);
        Reply reply = server.anonymous().send(route.method(), path(route), BodyPublishers.ofString("{}"),
                concat(headers, "Content-Type", "application/json"));
        String challenge = reply.header("WWW-Authenticate");
        switch (attempt.expected()) {
            case ADMITTED -> {
                assertThat(reply.status()).as(reply.text()).isNotIn(401, 403);
                assertThat(challenge).isNull();
                if (!attempt.headers().isEmpty()) {
                    assertThat(reply.header("Cache-Control")).as("an answer to a caller").isEqualTo("no-store");
                }
            }
            case UNAUTHORIZED -> {
                assertError(reply, 401, "UNAUTHORIZED");
                assertThat(challenge).isEqualTo("Bearer realm=\"deals\"");
            }
            case INVALID_TOKEN -> {
                assertError(reply, 401, "UNAUTHORIZED");
                assertThat(challenge).matches("Bearer realm=\"deals\", error=\"invalid_token\", "
                        + "error_description=\"[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+\"");
                attempt.credentials().flatMap(value -> Stream.of(value.split("[ .]")))
                        .filter(part -> part.length() > 8).forEach(part -> {
                            assertThat(reply.text()).as("the body quotes no part of the token").doesNotContain(part);
                            assertThat(challenge).as("the challenge quotes no part of the token").doesNotContain(part);
                        });
            }
            case FORBIDDEN -> {
                assertError(reply, 403, "FORBIDDEN");
                assertThat(challenge).isEqualTo("Bearer realm=\"deals\", error=\"insufficient_scope\", scope=\""
                        + needed(route).value() + "\"");
                assertThat(reply.error().get("message").asText()).contains(needed(route).value());
                assertThat(reply.header("Cache-Control")).as("an answer to a caller").isEqualTo("no-store");
            }
        }
    }

    private static Scope needed(MatchedRoute route) {
        return switch (route.access()) {
            case WRITE -> Scope.WRITE;
            case IMPORT -> Scope.IMPORT;
            default -> Scope.READ;
        };
    }

    /**
     * The route's template with an id for each parameter, and a query parameter no route knows: a
     * request that is let through ends at once (the event stream would stay open otherwise).
     */
    private static String path(MatchedRoute route) {
        return route.template().replaceAll(":\\w+", "1") + "?no_such_parameter=1";
    }

    private static String name(MatchedRoute route) {
        return route.method() + " " + route.template();
    }

    private static JWTClaimsSet.Builder claims(Scope scope) {
        return new JWTClaimsSet.Builder().subject("matrix").claim("scope", scope.value())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String hs256(JWTClaimsSet.Builder claims, byte[] secret) {
        return hs256(claims.build(), secret);
    }

    private static String hs256(JWTClaimsSet claims, byte[] secret) {
        return signed(JWSAlgorithm.HS256, claims, secret);
    }

    private static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims, byte[] secret) {
        SignedJWT token = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            token.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static List<String> bearer(String token) {
        return List.of("Authorization", TestTokens.bearer(token));
    }

    private static String[] concat(String[] headers, String... more) {
        return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
    }

    private static Api start(TokenSettings tokens) {
        DealsServer server = DealsServer.start(TestDatabase.dataSource(),
                ServerOptions.of(0, ServerSecret.random()).withTokens(tokens));
        servers.add(server);
        return new Api(server.port());
    }
}
