package io.deals.adapters.messaging;

import com.google.inject.Injector;
import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.imports.DealFileRecord;
import io.deals.application.offer.Offer;
import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.OfferPosition;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.RejectedOffer;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.shared.Violation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The offer source against a real broker in this JVM and the positions in the real database, as
 * {@code MyBatisOfferPositions} keeps them. The topic is shared by the tests of the class: each
 * starts by storing every partition's end as its position, so that it sees only its own records.
 */
class KafkaOfferSourceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private static TestBroker broker;
    private static Admin admin;
    private static KafkaProducer<byte[], byte[]> producer;
    private static OfferPositions positions;
    private static TransactionRunner transactions;

    private KafkaOfferSource source;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        Topics.ensure(admin, List.of(Topics.offers(), Topics.offersDeadLetters()), PATIENCE);
        producer = new KafkaProducer<>(ProducerSettings.reliable(broker.bootstrapServers(), "offer-source-it"),
                new ByteArraySerializer(), new ByteArraySerializer());
        Injector persistence = PersistenceFixture.injector(TestDatabase.dataSource());
        positions = persistence.getInstance(OfferPositions.class);
        transactions = persistence.getInstance(TransactionRunner.class);
    }

    @AfterAll
    static void stop() {
        producer.close();
        admin.close();
        broker.close();
    }

    @BeforeEach
    void openSource() {
        source = new KafkaOfferSource(broker.bootstrapServers());
        source.subscribe(positions);
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    @Test
    void reads_each_partition_from_its_position_in_the_database_and_a_partition_without_one_from_its_beginning() {
        send(5, "B-1", "before");
        send(5, "B-2", "before");
        Map<Integer, Long> ends = storeEnds();
        send(0, "A-1", "first");
        send(0, "A-2", "second");
        send(0, "A-3", "third");
        send(1, "A-4", "fourth");
        store(0, ends.get(0) + 2);
        forget(5);
        long partition5End = ends.get(5);

        List<OfferBatch> batches = pollFor(2 + (int) partition5End);

        assertThat(offers(batches)).extracting(offer -> tuple(offer.position().partition(), offer.position().offset()))
                .containsExactlyInAnyOrderElementsOf(expected(ends, partition5End));
        assertThat(progress(batches)).as("each partition's batch progress starts where the database stood")
                .contains(new PartitionProgress(Topics.OFFERS, 0, OptionalLong.of(ends.get(0) + 2), ends.get(0) + 3),
                        new PartitionProgress(Topics.OFFERS, 1, OptionalLong.of(ends.get(1)), ends.get(1) + 1));
    }

    /** Offsets 0..end-1 of partition 5 (nothing stored), the third record of partition 0 and the one of partition 1. */
    private static List<Tuple> expected(Map<Integer, Long> ends, long partition5End) {
        List<Tuple> expected = new ArrayList<>();
        expected.add(tuple(0, ends.get(0) + 2));
        expected.add(tuple(1, ends.get(1)));
        LongStream.range(0, partition5End).forEach(offset -> expected.add(tuple(5, offset)));
        return expected;
    }

    @Test
    void reads_an_offer_as_its_fields_and_a_broken_record_as_its_reasons() {
        storeEnds();
        send(2, "D-1", offer("D-1"));
        send(2, "D-2", "not json");

        List<Offer> offers = offers(pollFor(2));

        assertThat(offers.get(0).fields().dealId()).isEqualTo("D-1");
        assertThat(offers.get(0).fields().line()).as("its place in the batch").isEqualTo(1);
        assertThat(offers.get(1).readable()).isFalse();
        assertThat(offers.get(1).unreadable()).extracting(Violation::code).containsExactly("malformed_json");
    }

    @Test
    void sets_a_rejected_offer_aside_with_its_key_value_and_headers_untouched_and_a_triplet_per_reason() {
        storeEnds();
        send(3, "D-3", "{\"deal_id\": \"D-3\"}", new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)));
        OfferPosition position = offers(pollFor(1)).get(0).position();

        source.setAside(List.of(new RejectedOffer(position, List.of(
                new Violation("hotel_name", "required", "must be given"),
                new Violation("price_per_night", "must_be_positive", "must be greater than 0")))));

        ConsumerRecord<String, String> copy = deadLetter(position);
        assertThat(copy.key()).isEqualTo("D-3");
        assertThat(copy.value()).isEqualTo("{\"deal_id\": \"D-3\"}");
        assertThat(copy.headers().toArray()).extracting(Header::key, header -> new String(header.value(), StandardCharsets.UTF_8))
                .containsExactly(tuple("trace", "t-1"),
                        tuple("deals.error.code", "required"), tuple("deals.error.field", "hotel_name"),
                        tuple("deals.error.message", "must be given"),
                        tuple("deals.error.code", "must_be_positive"), tuple("deals.error.field", "price_per_night"),
                        tuple("deals.error.message", "must be greater than 0"),
                        tuple("deals.original.topic", Topics.OFFERS), tuple("deals.original.partition", "3"),
                        tuple("deals.original.offset", Long.toString(position.offset())));
    }

    @Test
    void sets_a_value_too_large_for_the_dead_letter_topic_aside_without_it_and_the_rest_of_the_batch_flows_on() {
        storeEnds();
        byte[] blanks = new byte[Topics.DLQ_MAX_MESSAGE_BYTES + 1024 * 1024];
        Arrays.fill(blanks, (byte) ' ');
        sendCompressed(1, "HUGE-1", blanks); // well under 1 MiB with zstd: the offers topic takes it
        send(1, "D-5", offer("D-5"));
        send(1, "D-6", "not json");
        List<Offer> offers = offers(pollFor(3));
        Offer huge = offers.get(0);
        Offer broken = offers.get(2);

        source.setAside(List.of(new RejectedOffer(huge.position(), huge.unreadable()),
                new RejectedOffer(broken.position(), broken.unreadable())));

        ConsumerRecord<String, String> copy = deadLetter(huge.position());
        assertThat(copy.key()).isEqualTo("HUGE-1");
        assertThat(copy.value()).as("too large for the producer's requests, so left out").isNull();
        assertThat(header(copy, "deals.error.code")).isEqualTo("too_large");
        assertThat(header(copy, "deals.original.value.bytes")).isEqualTo(Integer.toString(blanks.length));
        assertThat(offers.get(1).fields().dealId()).as("the next offer of the batch").isEqualTo("D-5");
        assertThat(deadLetter(broken.position()).value()).as("a copy that fits keeps its value").isEqualTo("not json");
    }

    @Test
    void sets_an_offer_aside_without_its_value_when_a_dead_letter_topic_made_beforehand_takes_less() {
        storeEnds();
        String incompressible = HexFormat.of().formatHex(randomBytes(8 * 1024));
        send(2, "S-1", incompressible);
        Offer offer = offers(pollFor(1)).get(0);

        limitDeadLetters(4 * 1024);
        try {
            source.setAside(List.of(new RejectedOffer(offer.position(), offer.unreadable())));
        } finally {
            limitDeadLetters(Topics.DLQ_MAX_MESSAGE_BYTES);
        }

        ConsumerRecord<String, String> copy = deadLetter(offer.position());
        assertThat(copy.value()).as("refused by the broker, so left out").isNull();
        assertThat(copy.headers().toArray()).extracting(Header::key, header -> new String(header.value(), StandardCharsets.UTF_8))
                .containsExactly(tuple("deals.error.code", "malformed_json"), tuple("deals.error.field", "value"),
                        tuple("deals.error.message", offer.unreadable().get(0).message()),
                        tuple("deals.original.topic", Topics.OFFERS), tuple("deals.original.partition", "2"),
                        tuple("deals.original.offset", Long.toString(offer.position().offset())),
                        tuple("deals.original.value.bytes", Integer.toString(incompressible.length())));
    }

    @Test
    void a_rewind_reads_the_uncommitted_batch_again_and_a_committed_one_never() {
        storeEnds();
        send(4, "R-1", "one");
        send(4, "R-2", "two");
        List<OfferBatch> first = pollFor(2);

        source.rewind();
        List<OfferBatch> again = pollFor(2, this::commit);

        assertThat(positionsOf(again)).as("read again from the stored position").isEqualTo(positionsOf(first));
        send(4, "R-3", "three");
        source.rewind();
        List<OfferBatch> after = pollFor(1);
        assertThat(positionsOf(after)).extracting(OfferPosition::offset)
                .containsExactly(positionsOf(first).get(1).offset() + 1);
    }

    @Test
    void the_lag_counts_the_records_not_applied_yet_polled_ones_included() {
        storeEnds();
        int records = 6_000; // more than one poll returns
        IntStream.range(0, records).forEach(i -> producer.send(new ProducerRecord<>(Topics.OFFERS, 3, bytes("L-" + i),
                bytes("{}"))));
        producer.flush();

        List<OfferBatch> firstBatch = pollFor(1);
        int delivered = offers(firstBatch).size();

        assertThat(delivered).isLessThan(records);
        assertThat(source.lag()).as("polled, not yet applied").isEqualTo(records);
        firstBatch.forEach(this::commit);
        assertThat(source.lag()).isEqualTo(records - delivered);
        pollFor(records - delivered, this::commit);
        assertThat(source.lag()).isZero();
    }

    // --- the database's positions -------------------------------------------------------------

    /** Stores the end of every partition as its position, forgetting what was stored. */
    private static Map<Integer, Long> storeEnds() {
        Map<Integer, Long> ends = ends();
        TestDatabase.execute("DELETE FROM offer_positions");
        transactions.inTransaction(() -> {
            positions.advance(ends.entrySet().stream()
                    .map(end -> new PartitionProgress(Topics.OFFERS, end.getKey(), OptionalLong.empty(), end.getValue()))
                    .toList());
            return null;
        });
        return ends;
    }

    private static void store(int partition, long next) {
        TestDatabase.execute("UPDATE offer_positions SET next_offset = " + next + " WHERE partition = " + partition);
    }

    private static void forget(int partition) {
        TestDatabase.execute("DELETE FROM offer_positions WHERE partition = " + partition);
    }

    /** What the consumer does once a batch is applied: its positions stored in a transaction, then the source told. */
    private void commit(OfferBatch batch) {
        transactions.inTransaction(() -> {
            positions.advance(batch.progress());
            return null;
        });
        source.committed(batch);
    }

    // --- the broker -------------------------------------------------------------------------

    private static Map<Integer, Long> ends() {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.PARTITIONS).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(Topics.OFFERS, partition),
                        partition -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(end -> end.getKey().partition(), end -> end.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the offers topic's ends", e);
        }
    }

    private static void send(int partition, String key, String value, Header... headers) {
        try {
            producer.send(new ProducerRecord<>(Topics.OFFERS, partition, bytes(key), bytes(value), List.of(headers)))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take a record", e);
        }
    }

    /** Sends {@code value} compressed with zstd, as a partner may: a value of any size whose batch stays under 1 MiB. */
    private static void sendCompressed(int partition, String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> zstd = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * value.length),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            zstd.send(new ProducerRecord<>(Topics.OFFERS, partition, bytes(key), value))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take a compressed record", e);
        }
    }

    /** Sets the dead-letter topic's {@code max.message.bytes}, as an operator creating it may, and waits until the broker says so. */
    private static void limitDeadLetters(int maxMessageBytes) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.OFFERS_DLQ);
        String limit = Integer.toString(maxMessageBytes);
        try {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", limit), AlterConfigOp.OpType.SET))))
                    .all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!limit.equals(admin.describeConfigs(List.of(topic)).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .get(topic).get("max.message.bytes").value())) {
                if (System.nanoTime() > deadline) {
                    fail("the broker did not take max.message.bytes=%s for %s within %s", limit, topic, PATIENCE);
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the dead-letter topic's max.message.bytes", e);
        }
    }

    /** The dead-letter copy of the record at {@code original}. */
    private static ConsumerRecord<String, String> deadLetter(OfferPosition original) {
        Function<ConsumerRecord<String, String>, String> from = record -> header(record, "deals.original.partition")
                + "/" + header(record, "deals.original.offset");
        String wanted = original.partition() + "/" + original.offset();
        return broker.records(Topics.OFFERS_DLQ, records -> records.stream().anyMatch(r -> from.apply(r).equals(wanted)))
                .stream().filter(record -> from.apply(record).equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + original));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- the source -------------------------------------------------------------------------

    /** The non-empty batches polled until {@code count} offers came; fails when they do not come in time. */
    private List<OfferBatch> pollFor(int count) {
        return pollFor(count, batch -> { });
    }

    /** The same, each batch handed to {@code applied} before the next poll, as the consumer does. */
    private List<OfferBatch> pollFor(int count, Consumer<OfferBatch> applied) {
        List<OfferBatch> batches = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (offers(batches).size() < count) {
            if (System.nanoTime() > deadline) {
                fail("%d offers not polled within %s; got %s", count, PATIENCE, positionsOf(batches));
            }
            OfferBatch batch = source.poll(POLL);
            if (!batch.isEmpty()) {
                batches.add(batch);
                applied.accept(batch);
            }
        }
        return batches;
    }

    private static List<Offer> offers(List<OfferBatch> batches) {
        return batches.stream().flatMap(batch -> batch.offers().stream()).toList();
    }

    private static List<OfferPosition> positionsOf(List<OfferBatch> batches) {
        return offers(batches).stream().map(Offer::position).toList();
    }

    private static List<PartitionProgress> progress(List<OfferBatch> batches) {
        return batches.stream().flatMap(batch -> batch.progress().stream()).toList();
    }

    private static String offer(String dealId) {
        return new String(OfferJson.write(new DealFileRecord(1, true, dealId, "Hotel Sol", "Lisbon", "Portugal",
                "+351 210 000 000", "4", "Double", "80.00", "100.00", "", "2027-06-01", "2027-06-04", "true", "beach",
                null)), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        new Random(7).nextBytes(random);
        return random;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
