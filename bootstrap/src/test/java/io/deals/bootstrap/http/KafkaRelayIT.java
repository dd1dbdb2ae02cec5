package io.deals.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.deals.adapters.csv.CsvModule;
import io.deals.adapters.messaging.MessagingModule;
import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.adapters.persistence.PersistenceModule;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.adapters.web.RepresentationModule;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.event.port.out.RelayMonitor;
import io.deals.application.event.service.EventRelayService;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.bootstrap.Deals;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.imports.DealsCsv;
import io.deals.domain.hotel.HotelDraft;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events out to a real Kafka broker in this JVM (one for the class) from real servers on the test
 * database: every change reaches topic deals.events under its key, in commit order per key, through a
 * broker outage, a relay that dies between publishing and storing its position, and a leader that
 * stops while another server stands by. Each test's events are told apart from earlier tests' by id.
 */
class KafkaRelayIT {

    private static final String TOPIC = "deals.events";
    private static final Duration TAKEOVER = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static TestBroker broker;
    private static Deals facade;

    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        facade = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @AfterEach
    void stopWhatRuns() throws Exception {
        Collections.reverse(running);
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void every_change_through_http_an_import_and_the_facade_reaches_the_topic_under_its_key_in_commit_order() {
        Api api = serverWithKafka();
        long hotel = created(api.post("/hotels", hotelJson("Harbour View", "+14165550100")));
        long deal = created(api.post("/deals", dealJson(hotel, "D-1")));
        assertThat(api.patch("/deals/" + deal, "{\"price_per_night\": 99.99}", "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(api.patch("/hotels/" + hotel, "{\"star_rating\": 5}", "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(api.delete("/deals/" + deal).status()).isEqualTo(204);
        Reply imported = api.send("POST", "/imports", BodyPublishers.ofString(importFile(40).text()),
                "Content-Type", "text/csv");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("rejected").asInt()).as(imported.text()).isZero();
        facade.createHotel().create(new CreateHotelCommand(new HotelDraft("Lagoon Lodge", "Venice", "Italy",
                "+39041000001", 4)));

        List<ChangeEvent> events = feed();
        assertThat(events).extracting(ChangeEvent::type).contains("deals.hotel.created", "deals.hotel.updated",
                "deals.deal.created", "deals.deal.updated", "deals.deal.price_changed", "deals.deal.deleted");
        List<ConsumerRecord<String, String>> records = onTopic(events);

        assertThat(idsByKey(records)).as("each key's events, in offset order").isEqualTo(expectedByKey(events));
        Map<String, String> cloudEvents = events.stream().collect(Collectors.toMap(e -> e.id().toString(),
                ChangeEvent::cloudEvent));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).isEqualTo(cloudEvents.get(idOf(record)));
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        }
        assertThat(broker.partitions(TOPIC)).isEqualTo(6);
        JsonNode health = Await.health(api, h -> h.at("/checks/relay/unpublished").asLong(-1) == 0, PATIENCE);
        assertThat(health.at("/checks/kafka/status").asText()).isEqualTo("UP");
        assertThat(health.at("/checks/relay/status").asText()).isEqualTo("UP");
        assertThat(health.at("/checks/relay/role").asText()).isEqualTo("leader");
        Scrape metrics = Await.metrics(api, m -> m.value("deals_events_published_total", Map.of()) >= events.size(), PATIENCE);
        assertThat(metrics.value("deals_events_published_total", Map.of())).isEqualTo(events.size());
        assertThat(metrics.value("deals_events_unpublished", Map.of())).isZero();
    }

    @Test
    void a_broker_stopped_mid_stream_loses_nothing_http_keeps_writing_and_the_relay_recovers_alone() {
        Api api = serverWithKafka();
        created(api.post("/hotels", hotelJson("Harbour View", "+14165550100")));
        onTopic(feed());

        broker.stopBroker();
        try {
            for (int i = 0; i < 5; i++) {
                created(api.post("/hotels", hotelJson("Outage " + i, "+1416555020" + i)));
            }
            Reply imported = api.send("POST", "/imports", BodyPublishers.ofString(importFile(20).text()),
                    "Content-Type", "text/csv");
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            JsonNode down = Await.health(api, h -> h.at("/checks/kafka/status").asText().equals("DOWN"), PATIENCE);
            assertThat(down.get("status").asText()).as("the database alone decides").isEqualTo("UP");
            assertThat(down.at("/checks/relay/unpublished").asLong()).isPositive();
            JsonNode failing = Await.health(api, h -> h.at("/checks/relay/status").asText().equals("DOWN"), PATIENCE);
            assertThat(failing.get("status").asText()).isEqualTo("UP");
        } finally {
            broker.startBroker();
        }
        created(api.post("/hotels", hotelJson("After", "+14165550300")));

        List<ChangeEvent> events = feed();
        List<ConsumerRecord<String, String>> records = onTopic(events);
        assertThat(distinct(idsByKey(records))).as("each key's events in order, once duplicates are dropped")
                .isEqualTo(expectedByKey(events));
        Await.health(api, h -> h.at("/checks/kafka/status").asText().equals("UP")
                && h.at("/checks/relay/unpublished").asLong(-1) == 0, PATIENCE);
    }

    @Test
    void a_relay_killed_between_publishing_and_storing_its_position_causes_duplicates_at_most_never_a_loss()
            throws InterruptedException {
        facade.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(importFile(150).bytes()),
                ImportMode.STRICT));
        Injector adapters = Guice.createInjector(new PersistenceModule(TestDatabase.dataSource()), new CsvModule(),
                new RepresentationModule(), new MessagingModule(broker.bootstrapServers()));
        EventPublisher kafka = adapters.getInstance(EventPublisher.class);
        running.add(kafka);
        List<String> firstBatch = new ArrayList<>();
        CountDownLatch died = new CountDownLatch(1);
        EventPublisher diesAfterTheFirstBatch = new ForwardingPublisher(kafka) {
            @Override
            public void publish(List<ChangeEvent> events) {
                super.publish(events);
                if (died.getCount() > 0) {
                    events.forEach(event -> firstBatch.add(event.id().toString()));
                    // The process dies right here: its connection, and with it the lease, is gone.
                    assertThat(killLeaseConnections()).isEqualTo(1);
                    died.countDown();
                }
            }
        };

        EventRelayService doomed = relay(adapters, diesAfterTheFirstBatch);
        assertThat(died.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the first relay published").isTrue();
        doomed.close();
        relay(adapters, kafka);

        List<ChangeEvent> events = feed();
        List<ConsumerRecord<String, String>> records = onTopic(events);
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(KafkaRelayIT::idOf, Collectors.counting()));
        assertThat(firstBatch).hasSize(100);
        assertThat(copies.keySet()).as("nothing lost").containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(copies.entrySet()).allSatisfy(copy -> assertThat(copy.getValue())
                .as("copies of %s", copy.getKey()).isEqualTo(firstBatch.contains(copy.getKey()) ? 2L : 1L));
        assertThat(distinct(idsByKey(records))).isEqualTo(expectedByKey(events));
    }

    @Test
    void of_two_servers_on_one_database_one_publishes_and_the_other_takes_over_within_10_s_where_it_stopped() {
        DealsServer first = DealsServer.start(TestDatabase.dataSource(), kafkaOptions());
        running.add(first);
        Api leader = new Api(first.port());
        Await.health(leader, h -> h.at("/checks/relay/role").asText().equals("leader"), PATIENCE);
        Api standby = server(kafkaOptions());
        for (int i = 0; i < 3; i++) {
            created(leader.post("/hotels", hotelJson("Leader " + i, "+1416555010" + i)));
            created(standby.post("/hotels", hotelJson("Standby " + i, "+1416555020" + i)));
        }
        List<ConsumerRecord<String, String>> before = onTopic(feed());
        assertThat(idsByKey(before)).as("each event once: one relay published").isEqualTo(expectedByKey(feed()));
        JsonNode waiting = Await.health(standby, h -> h.at("/checks/relay/unpublished").asLong(-1) == 0, PATIENCE);
        assertThat(waiting.at("/checks/relay/role").asText()).isEqualTo("standby");

        running.remove(first);
        first.close();
        Await.health(standby, h -> h.at("/checks/relay/role").asText().equals("leader"), TAKEOVER);

        created(standby.post("/hotels", hotelJson("After", "+14165550300")));
        List<ChangeEvent> events = feed();
        assertThat(idsByKey(onTopic(events))).as("continued from the stored position: each event once")
                .isEqualTo(expectedByKey(events));
    }

    @Test
    void without_kafka_health_reports_the_database_alone() {
        JsonNode health = server(ServerOptions.of(0, ServerSecret.random())).get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("checks").properties()).extracting(Map.Entry::getKey).containsExactly("database");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ServerOptions kafkaOptions() {
        return ServerOptions.of(0, ServerSecret.random()).withKafkaBootstrap(broker.bootstrapServers())
                .withTokens(TestTokens.SETTINGS);
    }

    private Api serverWithKafka() {
        return server(kafkaOptions());
    }

    private Api server(ServerOptions options) {
        DealsServer server = DealsServer.start(TestDatabase.dataSource(), options);
        running.add(server);
        return new Api(server.port());
    }

    /** A relay as a server runs it, reading 100 events at a time. */
    private EventRelayService relay(Injector adapters, EventPublisher publisher) {
        EventRelayService relay = new EventRelayService("kafka", adapters.getInstance(EventLog.class),
                adapters.getInstance(RelayLeases.class), publisher, new SilentMonitor(), 100);
        running.add(relay);
        relay.start();
        return relay;
    }

    /** Every event of the feed, in commit order. */
    private static List<ChangeEvent> feed() {
        List<ChangeEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            EventPage page = facade.events().page(after, 1000, EventFilter.ALL);
            if (page.items().isEmpty()) {
                return events;
            }
            events.addAll(page.items());
            after = page.nextAfter();
        }
    }

    /** The topic's records of {@code events}, once every one of them is there. */
    private static List<ConsumerRecord<String, String>> onTopic(List<ChangeEvent> events) {
        Set<String> wanted = Set.copyOf(ids(events));
        List<ConsumerRecord<String, String>> all = broker.records(TOPIC, records -> records.stream()
                .map(KafkaRelayIT::idOf).filter(wanted::contains).collect(Collectors.toSet()).size() == wanted.size());
        List<ConsumerRecord<String, String>> mine = all.stream().filter(record -> wanted.contains(idOf(record))).toList();
        assertThat(mine.stream().map(KafkaRelayIT::idOf).collect(Collectors.toSet()))
                .as("events on the topic within " + PATIENCE).isEqualTo(wanted);
        return mine;
    }

    private static List<String> ids(List<ChangeEvent> events) {
        return events.stream().map(event -> event.id().toString()).toList();
    }

    /** The event id of a record, read from its CloudEvent. */
    private static String idOf(ConsumerRecord<String, String> record) {
        try {
            return Api.JSON.readTree(record.value()).get("id").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a CloudEvent: " + record.value(), e);
        }
    }

    /** Each key's event ids in the order its partition holds them. */
    private static Map<String, List<String>> idsByKey(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                Collectors.mapping(KafkaRelayIT::idOf, Collectors.toList())));
    }

    /** Each key's event ids in commit order. */
    private static Map<String, List<String>> expectedByKey(List<ChangeEvent> events) {
        return events.stream().collect(Collectors.groupingBy(ChangeEvent::key, LinkedHashMap::new,
                Collectors.mapping(event -> event.id().toString(), Collectors.toList())));
    }

    /** What a consumer that drops events it has seen (by id) gets of each key. */
    private static Map<String, List<String>> distinct(Map<String, List<String>> idsByKey) {
        return idsByKey.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().distinct().toList(), (a, b) -> a, LinkedHashMap::new));
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.id();
    }

    private static String hotelJson(String name, String phone) {
        return """
                {"name": "%s", "city": "Toronto", "country": "Canada", "phone": "%s", "star_rating": 4}"""
                .formatted(name, phone);
    }

    private static String dealJson(long hotelId, String externalRef) {
        return """
                {"hotel_id": %d, "room_type": "Deluxe", "price_per_night": 129.99, "original_price": 199.99,
                 "checkin_date": "2027-12-01", "checkout_date": "2027-12-04", "categories": ["beach"],
                 "external_ref": "%s"}""".formatted(hotelId, externalRef);
    }

    /** {@code rows} new deals across three hotels, named apart from earlier imports by the hotels' phones. */
    private static DealsCsv importFile(int rows) {
        List<DealsCsv.Hotel> hotels = List.of(new DealsCsv.Hotel("Import Inn", "Oslo", "Norway", "+4722000001", 3),
                RIVIERA, CANAL);
        return DealsCsv.file().add(IntStream.range(0, rows)
                .mapToObj(i -> DealsCsv.row("K-" + i, hotels.get(i % hotels.size())))
                .toList());
    }

    /** Terminates the database sessions that hold a relay's lease (the only two-key advisory locks); how many. */
    private static long killLeaseConnections() {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                     + " FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not kill the lease's connection", e);
        }
    }

    /** Hands every call to another publisher; override what should differ. */
    private static class ForwardingPublisher implements EventPublisher {

        private final EventPublisher delegate;

        ForwardingPublisher(EventPublisher delegate) {
            this.delegate = delegate;
        }

        @Override
        public void publish(List<ChangeEvent> events) {
            delegate.publish(events);
        }

        @Override
        public boolean reachable() {
            return delegate.reachable();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class SilentMonitor implements RelayMonitor {

        @Override
        public void leading(String relay, long position) {
        }

        @Override
        public void leaseLost(String relay, RuntimeException cause) {
        }

        @Override
        public void published(String relay, int events, long position) {
        }

        @Override
        public void failed(String relay, RuntimeException cause, Duration retryIn) {
        }
    }
}
