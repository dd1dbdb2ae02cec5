package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.adapters.web.limits.RateLimits;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real server per test class over the shared test database, emptied before each test; its
 * tokens are {@link TestTokens}'.
 */
abstract class ApiTestBase {

    static final String HOTEL = """
            {"name": "Harbour View", "city": "Toronto", "country": "Canada",
             "phone": "+1 (416) 555-0100", "star_rating": 4}""";

    /** Event streams' keep-alive interval: short, so that a test sees one come. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private static DealsServer server;
    static Api api;

    /**
     * Rate limits are off: every test of a class is one client, and whether it is throttled must not
     * depend on how many requests the tests before it made. RateLimitsIT tests the limits.
     */
    @BeforeAll
    static void startServer() {
        server = DealsServer.start(TestDatabase.dataSource(),
                ServerOptions.of(0, ServerSecret.random()).withHeartbeat(HEARTBEAT).withTokens(TestTokens.SETTINGS)
                        .withRateLimits(RateLimits.OFF));
        api = new Api(server.port());
    }

    /** The routes the server serves, with what each asks of its caller. */
    static List<MatchedRoute> routes() {
        return server.routes();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    static Reply createHotel(String json) {
        Reply created = api.post("/hotels", json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    static long createHotel() {
        return createHotel(HOTEL).id();
    }

    static String dealJson(long hotelId) {
        return """
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 129.99, "original_price": 199.99,
                 "checkin_date": "2027-12-01", "checkout_date": "2027-12-04",
                 "categories": [" Family ", "beach", "BEACH"], "external_ref": "D-001017"}""".formatted(hotelId);
    }

    static Reply createDeal(String json) {
        Reply created = api.post("/deals", json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    static Reply createDeal(long hotelId) {
        return createDeal(dealJson(hotelId));
    }

    static Reply assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.text()).isEqualTo(code);
        return reply;
    }

    static JsonNode body(Reply reply) {
        return reply.json();
    }
}
