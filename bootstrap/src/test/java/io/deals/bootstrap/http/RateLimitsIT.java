package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.adapters.web.access.Scope;
import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.adapters.web.limits.RateLimits;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.deals.bootstrap.http.ApiTestBase.HOTEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with small limits, 5 reads and 3 writes a minute, started for each test so that
 * each begins with full buckets. A token of a third of a minute is far longer than a test takes.
 */
class RateLimitsIT {

    private static final RateLimits SMALL = new RateLimits(5, 3);
    private static final String INVALID_HOTEL = "{}";

    private DealsServer server;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Api serve(RateLimits limits) {
        server = DealsServer.start(TestDatabase.dataSource(), ServerOptions.of(0, ServerSecret.random()).withTokens(TestTokens.SETTINGS)
                .withRateLimits(limits));
        return new Api(server.port());
    }

    private static void useUpTheWrites(Api api) {
        for (int i = 0; i < SMALL.writePerMinute(); i++) {
            assertThat(api.post("/hotels", INVALID_HOTEL).status()).isEqualTo(422);
        }
    }

    @Test
    void every_limited_answer_says_the_policy_and_what_remains_success_or_error() {
        Api api = serve(SMALL);

        Reply read = api.get("/hotels");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("RateLimit-Policy")).isEqualTo("\"read\";q=5;w=60");
        assertThat(read.header("RateLimit")).as("a fifth of a minute until one more").isEqualTo("\"read\";r=4;t=12");

        Reply invalid = api.post("/hotels", INVALID_HOTEL);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("RateLimit-Policy")).isEqualTo("\"write\";q=3;w=60");
        assertThat(invalid.header("RateLimit")).isEqualTo("\"write\";r=2;t=20");

        Reply created = api.post("/hotels", HOTEL);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("RateLimit")).startsWith("\"write\";r=1;t=");
        assertThat(created.header("Retry-After")).as("only a refusal says when to retry").isNull();
    }

    @Test
    void a_write_over_the_limit_is_refused_with_retry_after_and_does_nothing() {
        Api api = serve(SMALL);
        useUpTheWrites(api);

        Reply refused = api.post("/hotels", HOTEL);

        ApiTestBase.assertError(refused, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).as("a third of a minute per write, less the time the test took").isBetween(1L, 20L);
        assertThat(refused.header("RateLimit")).isEqualTo("\"write\";r=0;t=" + retryAfter);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"write\";q=3;w=60");
        assertThat(api.get("/hotels").json().get("items")).as("the refused create stored nothing").isEmpty();
    }

    @Test
    void reads_go_on_when_the_writes_are_used_up() {
        Api api = serve(SMALL);
        useUpTheWrites(api);

        Reply read = api.get("/hotels");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("RateLimit")).isEqualTo("\"read\";r=4;t=12");
    }

    @Test
    void imports_count_as_writes() {
        Api api = serve(SMALL);
        useUpTheWrites(api);

        Reply refused = api.send("POST", "/imports", BodyPublishers.ofString("x"),
                "Content-Type", "text/csv");

        ApiTestBase.assertError(refused, 429, "RATE_LIMITED");
    }

    @Test
    void a_forwarded_for_header_does_not_make_another_client() {
        Api api = serve(SMALL);
        useUpTheWrites(api);

        Reply refused = api.post("/hotels", INVALID_HOTEL, "X-Forwarded-For", "203.0.113.7", "Forwarded",
                "for=203.0.113.7");

        ApiTestBase.assertError(refused, 429, "RATE_LIMITED");
    }

    @Test
    void another_address_has_buckets_of_its_own() throws UnknownHostException {
        Api api = serve(SMALL);
        InetAddress here = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < SMALL.readPerMinute(); i++) {
            assertThat(anonymousRead(api, here).status()).isEqualTo(200);
        }

        Reply fromElsewhere = anonymousRead(api, InetAddress.getByName("127.0.0.2"));

        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(fromElsewhere.header("RateLimit")).startsWith("\"read\";r=" + (SMALL.readPerMinute() - 1) + ";");
        ApiTestBase.assertError(anonymousRead(api, here), 429, "RATE_LIMITED");
    }

    @Test
    void another_subject_has_buckets_of_its_own() {
        Api api = serve(SMALL);
        useUpTheWrites(api);
        Api another = api.withToken(new TokenMinter(TestTokens.SETTINGS)
                .mint(new TokenGrant("another-client", Set.of(Scope.WRITE), Duration.ofMinutes(5))));

        Reply refused = another.post("/hotels", INVALID_HOTEL);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("RateLimit")).isEqualTo("\"write\";r=2;t=20");
        ApiTestBase.assertError(api.post("/hotels", INVALID_HOTEL), 429, "RATE_LIMITED");
    }

    private static Reply anonymousRead(Api api, InetAddress from) {
        return RawHttp.sendFrom(from, api.port(), "GET", "/hotels", List.of(), out -> { }).reply();
    }

    @Test
    void public_routes_and_unrouted_requests_are_never_limited() {
        Api api = serve(SMALL);

        for (int i = 0; i < 2 * SMALL.readPerMinute(); i++) {
            Reply health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("RateLimit")).isNull();
            assertThat(health.header("RateLimit-Policy")).isNull();
        }
        Reply missing = api.get("/no-such-route");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("RateLimit")).isNull();
        Reply wrongMethod = api.send("PUT", "/hotels", BodyPublishers.noBody());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("RateLimit")).isNull();
        assertThat(api.get("/hotels").header("RateLimit")).as("the reads are all still there")
                .isEqualTo("\"read\";r=4;t=12");
    }

    @Test
    void a_class_set_to_zero_is_neither_limited_nor_announced() {
        Api api = serve(new RateLimits(0, 3));

        for (int i = 0; i < 10; i++) {
            Reply read = api.get("/hotels");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("RateLimit")).isNull();
            assertThat(read.header("RateLimit-Policy")).isNull();
        }
        assertThat(api.post("/hotels", INVALID_HOTEL).header("RateLimit")).isEqualTo("\"write\";r=2;t=20");
    }
}
