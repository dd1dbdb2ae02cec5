package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.deals.adapters.messaging.MessagingModule;
import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.adapters.persistence.ConnectionPool;
import io.deals.adapters.persistence.PersistenceModule;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.adapters.web.RepresentationModule;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.RejectedOffer;
import io.deals.application.offer.port.out.OfferMonitor;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.offer.port.out.OfferSource;
import io.deals.application.offer.service.OfferIngestionService;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.RestartablePostgres;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.OfferStream.Change;
import io.deals.bootstrap.http.OfferStream.Deal;
import io.deals.bootstrap.http.OfferStream.Reason;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offers in from a real Kafka broker in this JVM (one for the class) to real servers on real
 * PostgreSQL: a stream with bad records and re-sends ends with every good offer applied once (the
 * catalogue, the versions and the event feed say so) and every bad one on the dead-letter topic
 * with its reasons, through a database outage, a consumer killed between its database commit and
 * its Kafka commit, and two consumers sharing the partitions. Each test empties the topics first.
 */
class OfferIngestionIT {

    private static final String OFFERS = "deals.offers";
    private static final String DEAD_LETTERS = "deals.offers.dlq";
    private static final String GROUP = "deals-offers";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A header of the partner's own, which a dead-letter copy must keep. */
    private static final String PARTNER_HEADER = "partner";

    private static TestBroker broker;

    @TempDir
    Path dataDirectory;

    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startFromNothing() {
        TestDatabase.reset();
        broker.empty(OFFERS, DEAD_LETTERS);
    }

    @AfterEach
    void stopWhatRuns() throws Exception {
        Collections.reverse(running);
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void of_10000_offers_every_good_one_is_applied_once_and_every_bad_one_is_set_aside_with_its_reasons() {
        Api api = server(TestDatabase.dataSource());
        createKnownHotel(api);
        OfferStream stream = OfferStream.of(10_000, 1);
        awaitTopics();

        Published published = publish(stream.offers());

        awaitConsumed(TestDatabase.dataSource(), published);
        assertThat(broker.partitions(OFFERS)).isEqualTo(6);
        assertThat(broker.partitions(DEAD_LETTERS)).isEqualTo(6);
        assertAppliedOnce(TestDatabase.dataSource(), api, stream);
        assertSetAsideOnce(stream, published);
        Scrape metrics = Await.metrics(api, m -> consumed(m) == stream.offers().size(), PATIENCE);
        assertThat(metrics.value("deals_offers_total", Map.of("outcome", "applied"))).isEqualTo(stream.applied());
        assertThat(metrics.value("deals_offers_total", Map.of("outcome", "unchanged"))).isEqualTo(stream.unchanged());
        assertThat(metrics.value("deals_offers_total", Map.of("outcome", "dead_lettered")))
                .isEqualTo(stream.rejected().size());
        JsonNode health = Await.health(api, h -> h.at("/checks/offers/lag").asLong(-1) == 0, PATIENCE);
        assertThat(health.at("/checks/offers/status").asText()).isEqualTo("UP");
        assertThat(Scrape.of(api.get("/metrics").text()).value("deals_offers_lag", Map.of())).isZero();
    }

    /** Far more offers of one deal in a poll than a transaction merges: the batch is cut and read on, in order. */
    @Test
    void a_deal_offered_hundreds_of_times_in_one_poll_ends_at_its_last_offer_with_one_version_per_change() {
        OfferStream stream = OfferStream.ofOneDeal(500, 3);
        try (DealsServer makesTheTopics = DealsServer.start(TestDatabase.dataSource(), options().withOfferIngestion())) {
            awaitTopics();
        }
        Published published = publish(stream.offers());

        Api api = server(TestDatabase.dataSource());

        awaitConsumed(TestDatabase.dataSource(), published);
        assertAppliedOnce(TestDatabase.dataSource(), api, stream);
        Scrape metrics = Await.metrics(api, m -> consumed(m) == stream.offers().size(), PATIENCE);
        assertThat(metrics.value("deals_offers_total", Map.of("outcome", "applied"))).isEqualTo(stream.applied());
        assertThat(metrics.value("deals_offers_total", Map.of("outcome", "unchanged"))).isEqualTo(stream.unchanged());
    }

    @Test
    void a_database_stopped_mid_stream_and_started_again_ends_in_the_same_state_with_nothing_skipped_or_set_aside_for_it()
            throws Exception {
        OfferStream stream = OfferStream.of(3_000, 2);
        int before = stream.offers().size() / 2;
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDirectory);
             ConnectionPool pool = ConnectionPool.open(postgres.settings());
             DealsServer server = DealsServer.start(pool.dataSource(), options().withOfferIngestion())) {
            DataSource database = pool.dataSource();
            Api api = new Api(server.port());
            createKnownHotel(api);
            awaitTopics();
            Published first = publish(stream.offers().subList(0, before));
            Await.until("a first batch's positions", () -> storedPositions(database), stored -> !stored.isEmpty(),
                    PATIENCE);

            postgres.stop();
            Published during = publish(stream.offers().subList(before, stream.offers().size()));
            JsonNode down = Await.until("health while the database is away", () -> healthAnswered(api),
                    h -> h.at("/checks/offers/status").asText().equals("DOWN"), PATIENCE);
            assertThat(down.get("status").asText()).as("the database is away").isEqualTo("DOWN");
            assertThat(down.at("/checks/offers/lag").asLong()).as("offers waiting").isPositive();
            postgres.restart();
            Await.until("health once the database is back", () -> healthAnswered(api),
                    h -> h.get("status").asText().equals("UP"), PATIENCE);

            Published published = first.then(during);
            awaitConsumed(database, published);
            assertAppliedOnce(database, api, stream);
            assertSetAside(stream, published, broker.rawRecords(DEAD_LETTERS,
                            records -> originals(records).size() >= stream.rejected().size()),
                    "a copy repeats at most when its batch rolled back after the broker took it");
            Await.health(api, h -> h.at("/checks/offers/status").asText().equals("UP")
                    && h.at("/checks/offers/lag").asLong(-1) == 0, PATIENCE);
        }
    }

    @Test
    void a_consumer_killed_after_its_database_commit_and_before_its_kafka_commit_has_nothing_applied_twice()
            throws Exception {
        OfferStream stream = OfferStream.of(3_000, 3);
        int before = stream.offers().size() / 2;
        assertThat(stream.updatesAmongFirst(before)).as("offers that would show if applied twice").isPositive();
        // A server that consumes nothing, for the hotel the offers name.
        createKnownHotel(server(TestDatabase.dataSource(), options()));
        Injector adapters = Guice.createInjector(new PersistenceModule(TestDatabase.dataSource()),
                new RepresentationModule(), new MessagingModule(broker.bootstrapServers()));
        DiesBeforeTellingKafka dying = new DiesBeforeTellingKafka(adapters.getInstance(OfferSource.class));
        OfferIngestionService doomed = consumer(adapters, dying);
        awaitTopics();
        Published first = publish(stream.offers().subList(0, before));

        assertThat(dying.died.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("a batch committed").isTrue();
        // Its consumer leaves the group at once rather than after the session timeout, committing nothing.
        doomed.close();
        Map<Integer, Long> stored = storedPositions(TestDatabase.dataSource());
        assertThat(stored).as("the dead consumer's batch is committed in the database").isEqualTo(dying.progress.get());
        Map<Integer, Long> told = kafkaCommittedOffsets();
        stored.forEach((partition, next) -> assertThat(told.getOrDefault(partition, -1L))
                .as("Kafka's committed offset of partition %d", partition).isLessThan(next));

        Published during = publish(stream.offers().subList(before, stream.offers().size()));
        Api api = server(TestDatabase.dataSource());
        Published published = first.then(during);
        awaitConsumed(TestDatabase.dataSource(), published);
        assertAppliedOnce(TestDatabase.dataSource(), api, stream);
        assertSetAsideOnce(stream, published);
        Await.metrics(api, m -> consumed(m) == stream.offers().size() - dying.consumed.get(), PATIENCE);
    }

    @Test
    void two_servers_share_the_six_partitions_and_end_in_the_same_state_as_one() {
        Api first = server(TestDatabase.dataSource());
        Api second = server(TestDatabase.dataSource());
        createKnownHotel(first);
        Map<String, Set<Integer>> assignment = Await.until("the group's assignment", OfferIngestionIT::assignment,
                members -> members.size() == 2 && members.values().stream().noneMatch(Set::isEmpty)
                        && members.values().stream().mapToInt(Set::size).sum() == 6, PATIENCE);
        assertThat(assignment.values().stream().flatMap(Set::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        OfferStream stream = OfferStream.of(3_000, 4);
        awaitTopics();

        Published published = publish(stream.offers());

        awaitConsumed(TestDatabase.dataSource(), published);
        assertAppliedOnce(TestDatabase.dataSource(), first, stream);
        assertSetAsideOnce(stream, published);
        List<Long> byServer = Await.until("the offers each server consumed", () -> List.of(consumed(first),
                consumed(second)), counts -> counts.get(0) + counts.get(1) == stream.offers().size(), PATIENCE);
        assertThat(byServer).as("offers consumed by each server").allSatisfy(count -> assertThat(count).isPositive());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ServerOptions options() {
        return ServerOptions.of(0, ServerSecret.random()).withKafkaBootstrap(broker.bootstrapServers())
                .withTokens(TestTokens.SETTINGS);
    }

    /** A server consuming offers. */
    private Api server(DataSource database) {
        return server(database, options().withOfferIngestion());
    }

    private Api server(DataSource database, ServerOptions options) {
        DealsServer server = DealsServer.start(database, options);
        running.add(server);
        return new Api(server.port());
    }

    /**
     * {@code GET /health} answered whatever the status: while the database is away its 503 is no
     * error body, which {@link Api} would refuse; it is checked against the OpenAPI document instead.
     */
    private static JsonNode healthAnswered(Api api) {
        URI health = URI.create("http://localhost:" + api.port() + "/health");
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.served().check("GET", health.toString(), reply.statusCode(), reply.headers(), reply.body());
            return Api.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void createKnownHotel(Api api) {
        OfferStream.Hotel known = OfferStream.KNOWN;
        Api.Reply created = api.post("/hotels", """
                {"name": "%s", "city": "%s", "country": "%s", "phone": "%s", "star_rating": %d}"""
                .formatted(known.name(), known.city(), known.country(), known.phone(), known.stars()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    /** Where each record went: its partition and offset, in the order given. */
    private record Published(List<TopicPartitionOffset> positions) {

        Published then(Published more) {
            List<TopicPartitionOffset> all = new ArrayList<>(positions);
            all.addAll(more.positions);
            return new Published(all);
        }

        /** Each partition's offset after its last record: where a consumer that read them all stands. */
        Map<Integer, Long> ends() {
            return positions.stream().collect(Collectors.toMap(TopicPartitionOffset::partition,
                    position -> position.offset() + 1, Math::max));
        }

        /** Each record's index, by where it went. */
        Map<TopicPartitionOffset, Integer> indexes() {
            return IntStream.range(0, positions.size()).boxed()
                    .collect(Collectors.toMap(positions::get, Function.identity()));
        }
    }

    private record TopicPartitionOffset(int partition, long offset) {
    }

    /** Publishes the offers in order, as a partner's producer would (compressed, so a record over 1 MiB passes). */
    private static Published publish(List<OfferStream.Offer> offers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = offers.stream()
                    .map(offer -> producer.send(new ProducerRecord<>(OFFERS, null, offer.key(), offer.value(),
                            List.<Header>of(new RecordHeader(PARTNER_HEADER, "acme".getBytes(StandardCharsets.UTF_8))))))
                    .toList();
            producer.flush();
            List<TopicPartitionOffset> positions = new ArrayList<>();
            for (Future<RecordMetadata> acknowledged : sent) {
                RecordMetadata metadata = acknowledged.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                positions.add(new TopicPartitionOffset(metadata.partition(), metadata.offset()));
            }
            return new Published(positions);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take an offer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the positions stored in {@code database} are past every published record. */
    private static void awaitConsumed(DataSource database, Published published) {
        Await.until("the stored offer positions", () -> storedPositions(database),
                stored -> stored.equals(published.ends()), PATIENCE);
    }

    /**
     * The catalogue, read straight from the database, is what the offers say, each deal with one
     * version per change; the event feed has one event per change, with the version it made.
     */
    private static void assertAppliedOnce(DataSource database, Api api, OfferStream stream) {
        assertThat(differences(stream.catalogue(), catalogue(database))).as("deals unlike their last offer").isEmpty();
        List<JsonNode> events = feed(api);
        Map<String, List<Change>> changes = events.stream()
                .filter(event -> event.get("type").asText().startsWith("deals.deal."))
                .collect(Collectors.groupingBy(event -> event.at("/data/external_ref").asText(), Collectors.mapping(
                        event -> new Change(event.get("type").asText(), event.at("/data/version").asLong()),
                        Collectors.toList())));
        assertThat(differences(stream.changes(), changes)).as("deals whose events are not one per change").isEmpty();
        Set<String> hotels = new HashSet<>(stream.hotelPhones());
        hotels.add(OfferStream.KNOWN.phone());
        assertThat(events.stream().filter(event -> event.get("type").asText().startsWith("deals.hotel.")))
                .extracting(event -> event.get("type").asText() + " " + event.at("/data/phone").asText())
                .containsExactlyInAnyOrderElementsOf(hotels.stream().map(phone -> "deals.hotel.created " + phone).toList());
    }

    /** Every bad record is on the dead-letter topic once, as it came, with its reasons. */
    private static void assertSetAsideOnce(OfferStream stream, Published published) {
        List<ConsumerRecord<byte[], byte[]>> copies = broker.rawRecords(DEAD_LETTERS,
                records -> records.size() >= stream.rejected().size());
        assertThat(copies).as("copies on %s", DEAD_LETTERS).hasSize(stream.rejected().size());
        assertSetAside(stream, published, copies, "each bad record once");
    }

    /** Each of {@code copies} is a bad record's, key, value and headers as it came, plus its reasons and origin. */
    private static void assertSetAside(OfferStream stream, Published published,
                                       List<ConsumerRecord<byte[], byte[]>> copies, String repeats) {
        Map<TopicPartitionOffset, Integer> indexes = published.indexes();
        assertThat(originals(copies)).as(repeats).containsExactlyInAnyOrderElementsOf(stream.rejected().keySet().stream()
                .map(index -> published.positions().get(index)).collect(Collectors.toSet()));
        for (ConsumerRecord<byte[], byte[]> copy : copies) {
            int index = indexes.get(original(copy));
            OfferStream.Offer offer = stream.offers().get(index);
            String which = "the copy of offer " + index;
            assertThat(copy.key()).as("key of %s", which).isEqualTo(offer.keyBytes());
            assertThat(copy.value()).as("value of %s", which).isEqualTo(offer.value());
            assertThat(copy.headers().toArray()[0].key()).as("first header of %s", which).isEqualTo(PARTNER_HEADER);
            assertThat(header(copy, "deals.original.topic")).isEqualTo(List.of(OFFERS));
            List<String> codes = header(copy, "deals.error.code");
            List<String> fields = header(copy, "deals.error.field");
            assertThat(IntStream.range(0, codes.size()).mapToObj(i -> new Reason(codes.get(i), fields.get(i))))
                    .as("reasons of %s: %s", which, header(copy, "deals.error.message"))
                    .containsExactlyElementsOf(stream.rejected().get(index));
            assertThat(header(copy, "deals.error.message")).as("messages of %s", which).hasSameSizeAs(codes)
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
    }

    private static Set<TopicPartitionOffset> originals(List<ConsumerRecord<byte[], byte[]>> copies) {
        return copies.stream().map(OfferIngestionIT::original).collect(Collectors.toSet());
    }

    private static TopicPartitionOffset original(ConsumerRecord<byte[], byte[]> copy) {
        return new TopicPartitionOffset(Integer.parseInt(header(copy, "deals.original.partition").get(0)),
                Long.parseLong(header(copy, "deals.original.offset").get(0)));
    }

    /** Every value of a header, in order. */
    private static List<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        List<String> values = new ArrayList<>();
        record.headers().headers(name).forEach(header -> values.add(new String(header.value(), StandardCharsets.UTF_8)));
        return values;
    }

    /** Up to 20 keys whose values differ, with both values: empty when the maps are equal. */
    private static <K extends Comparable<K>, V> List<String> differences(Map<K, V> expected, Map<K, V> actual) {
        Set<K> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        return keys.stream().filter(key -> !Objects.equals(expected.get(key), actual.get(key))).limit(20)
                .map(key -> key + ": expected " + expected.get(key) + " but was " + actual.get(key)).toList();
    }

    /** Every event of the feed, through {@code GET /events}. */
    private static List<JsonNode> feed(Api api) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            Api.Reply page = api.get("/events?limit=1000&after=" + after);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            if (page.json().get("items").isEmpty()) {
                return events;
            }
            page.json().get("items").forEach(events::add);
            after = page.json().get("next_after").asLong();
        }
    }

    /** Each deal, by deal_id, as {@code database} holds it. */
    private static Map<String, Deal> catalogue(DataSource database) {
        Map<String, Deal> deals = new HashMap<>();
        query(database, """
                SELECT d.external_ref, h.phone, d.room_type, d.price_per_night::text, d.original_price::text,
                       d.checkin_date::text, d.checkout_date::text, d.is_available,
                       (SELECT coalesce(string_agg(c.name, ',' ORDER BY c.name), '')
                          FROM deal_categories dc JOIN categories c ON c.id = dc.category_id
                         WHERE dc.deal_id = d.id),
                       d.version
                  FROM deals d JOIN hotels h ON h.id = d.hotel_id""", row -> deals.put(row.getString(1), new Deal(
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getBoolean(8), row.getString(9), row.getLong(10))));
        return deals;
    }

    /** The offer positions {@code database} holds, by partition. */
    private static Map<Integer, Long> storedPositions(DataSource database) {
        Map<Integer, Long> positions = new TreeMap<>();
        query(database, "SELECT partition, next_offset FROM offer_positions WHERE topic = '" + OFFERS + "'",
                row -> positions.put(row.getInt(1), row.getLong(2)));
        return positions;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(DataSource database, String sql, RowReader reader) {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** Offers the server consumed, whatever became of them. */
    private static long consumed(Api api) {
        return consumed(Scrape.of(api.get("/metrics").text()));
    }

    private static long consumed(Scrape metrics) {
        return (long) metrics.find("deals_offers_total").stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private static void awaitTopics() {
        Await.until("the offer topics", () -> {
            try (Admin admin = broker.admin()) {
                return admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot list the topics", e);
            }
        }, topics -> topics.containsAll(List.of(OFFERS, DEAD_LETTERS)), PATIENCE);
    }

    /** The offsets group deals-offers committed to Kafka, by partition of the offers topic. */
    private static Map<Integer, Long> kafkaCommittedOffsets() throws Exception {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Map<Integer, Long> committed = new TreeMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(OFFERS) && offset != null) {
                    committed.put(partition.partition(), offset.offset());
                }
            });
            return committed;
        }
    }

    /** The partitions of the offers topic each member of group deals-offers owns, by member. */
    private static Map<String, Set<Integer>> assignment() {
        try (Admin admin = broker.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS).get(GROUP);
            Map<String, Set<Integer>> members = new LinkedHashMap<>();
            group.members().forEach(member -> members.put(member.consumerId(), member.assignment().topicPartitions()
                    .stream().filter(partition -> partition.topic().equals(OFFERS)).map(TopicPartition::partition)
                    .collect(Collectors.toSet())));
            return members;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe group " + GROUP, e);
        }
    }

    /** The offer consumer a server runs, as {@code OfferModule} makes it, over {@code source}; started. */
    private OfferIngestionService consumer(Injector adapters, OfferSource source) {
        OfferIngestionService consumer = new OfferIngestionService(source, adapters.getInstance(OfferPositions.class),
                adapters.getInstance(DealImports.class), adapters.getInstance(TransactionRunner.class),
                () -> Instant.now().truncatedTo(ChronoUnit.MICROS), new UnwatchedMonitor());
        running.add(consumer);
        consumer.start();
        return consumer;
    }

    /**
     * The real offer source, until its first batch is committed to the database: then the process
     * "dies" between the database commit and the Kafka commit. Kafka is never told, and nothing more
     * is read.
     */
    private static final class DiesBeforeTellingKafka implements OfferSource {

        private final OfferSource kafka;
        private final CountDownLatch died = new CountDownLatch(1);
        private final AtomicReference<Map<Integer, Long>> progress = new AtomicReference<>();
        private final AtomicLong consumed = new AtomicLong();

        DiesBeforeTellingKafka(OfferSource kafka) {
            this.kafka = kafka;
        }

        @Override
        public void subscribe(OfferPositions positions) {
            kafka.subscribe(positions);
        }

        @Override
        public OfferBatch poll(Duration timeout) {
            if (died.getCount() == 0) {
                // Dead: the service's thread idles until the test closes it.
                Await.pause(timeout);
                return new OfferBatch(List.of(), List.of());
            }
            return kafka.poll(timeout);
        }

        @Override
        public void setAside(List<RejectedOffer> rejected) {
            kafka.setAside(rejected);
        }

        @Override
        public void committed(OfferBatch batch) {
            consumed.set(batch.offers().size());
            progress.set(batch.progress().stream()
                    .collect(Collectors.toMap(PartitionProgress::partition, PartitionProgress::next)));
            died.countDown();
        }

        @Override
        public void rewind() {
            kafka.rewind();
        }

        @Override
        public long lag() {
            return kafka.lag();
        }

        @Override
        public void close() {
            kafka.close();
        }
    }

    private static final class UnwatchedMonitor implements OfferMonitor {

        @Override
        public void applied(long applied, long unchanged, long deadLettered) {
        }

        @Override
        public void failed(RuntimeException cause, Duration retryIn) {
        }

        @Override
        public void overtaken(RuntimeException cause) {
        }

        @Override
        public void stopped(Throwable cause) {
        }
    }
}
