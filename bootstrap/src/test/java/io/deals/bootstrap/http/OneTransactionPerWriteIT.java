package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.CountingDataSource;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields the web cannot read (unknown, read-only, mistyped) travel in the command, and the use case
 * reports them with the domain's broken rules from its one transaction: no second transaction checks
 * the patch first. Transactions are counted as the connections the server takes from its data source
 * (the adapter takes one per transaction); nothing else takes any meanwhile, since pruning first runs
 * a minute after start and no relay or event subscription is started here.
 */
class OneTransactionPerWriteIT {

    private static final CountingDataSource DATABASE = new CountingDataSource(TestDatabase.dataSource());

    private static DealsServer server;
    private static Api api;

    @BeforeAll
    static void startServer() {
        server = DealsServer.start(DATABASE.dataSource(),
                ServerOptions.of(0, ServerSecret.random()).withTokens(TestTokens.SETTINGS));
        api = new Api(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    private record Counted(Reply reply, int transactions) {
    }

    private static Counted counted(Supplier<Reply> request) {
        int before = DATABASE.connections();
        Reply reply = request.get();
        return new Counted(reply, DATABASE.connections() - before);
    }

    private static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    private static long deal() {
        long hotelId = created(api.post("/hotels", ApiTestBase.HOTEL)).id();
        return created(api.post("/deals", ApiTestBase.dealJson(hotelId))).id();
    }

    private static void assertRefused(Counted refused, String... details) {
        assertThat(refused.reply().status()).as(refused.reply().text()).isEqualTo(422);
        assertThat(refused.reply().errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.reply().details()).containsExactlyInAnyOrder(details);
    }

    @Test
    void a_deal_patch_with_a_mistyped_field_and_a_broken_rule_reports_both_from_one_transaction() {
        long id = deal();

        Counted refused = counted(() -> api.patch("/deals/" + id,
                "{\"checkin_date\": \"01/12/2027\", \"price_per_night\": -5, \"colour\": \"red\"}",
                "If-Match", "\"1\""));

        assertRefused(refused, "checkin_date:invalid_type", "colour:unknown_field", "price_per_night:must_be_positive");
        assertThat(refused.transactions()).isEqualTo(1);
        Reply unchanged = api.get("/deals/" + id);
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.json().get("price_per_night").decimalValue()).isEqualByComparingTo("129.99");
    }

    @Test
    void a_hotel_patch_with_a_mistyped_field_and_a_broken_rule_reports_both_from_one_transaction() {
        long id = created(api.post("/hotels", ApiTestBase.HOTEL)).id();

        Counted refused = counted(() -> api.patch("/hotels/" + id, "{\"star_rating\": \"five\", \"name\": \" \"}",
                "If-Match", "\"1\""));

        assertRefused(refused, "star_rating:invalid_type", "name:required");
        assertThat(refused.transactions()).isEqualTo(1);
        assertThat(api.get("/hotels/" + id).json().get("name").asText()).isEqualTo("Harbour View");
    }

    @Test
    void a_patch_that_applies_is_one_transaction_with_its_event() {
        long id = deal();

        Counted changed = counted(() -> api.patch("/deals/" + id, "{\"price_per_night\": 99.99}", "If-Match", "\"1\""));

        assertThat(changed.reply().status()).as(changed.reply().text()).isEqualTo(200);
        assertThat(changed.reply().version()).isEqualTo(2);
        assertThat(changed.transactions()).isEqualTo(1);
        assertThat(api.get("/events?type=deals.deal.price_changed").json().get("items")).hasSize(1);
    }

    @Test
    void a_create_with_a_mistyped_field_and_a_broken_rule_is_refused_before_any_transaction() {
        long hotelId = created(api.post("/hotels", ApiTestBase.HOTEL)).id();

        Counted refused = counted(() -> api.post("/deals", ApiTestBase.dealJson(hotelId)
                .replace("\"room_type\": \"Deluxe\"", "\"room_type\": 7")
                .replace("\"original_price\": 199.99", "\"original_price\": 0")));

        assertRefused(refused, "room_type:invalid_type", "original_price:must_be_positive");
        assertThat(refused.transactions()).isZero();
    }
}
