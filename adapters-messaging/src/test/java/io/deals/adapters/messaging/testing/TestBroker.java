package io.deals.adapters.messaging.testing;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A real single-node Kafka (KRaft, broker and controller in one node) in the test JVM, with Kafka's
 * own test kit. Its broker can be stopped and started again on the same port, its data kept.
 * Start one per test class: it takes about 5 s.
 */
public final class TestBroker implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    public static TestBroker start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    // Topics are created by whom they belong to: a reader must not create one by looking.
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    // A consumer group's first member starts at once, not after the default 3 s wait for more.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start a Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker (its controller keeps running); clients then fail to reach it. */
    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again, on the same port and with its data. */
    public void startBroker() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not come back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** How many partitions {@code topic} has. */
    public int partitions(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /**
     * The records of {@code topic} from its beginning, read until there are {@code enough} of them
     * (or the patience ran out); each partition's in offset order, the partitions one after another.
     */
    public List<ConsumerRecord<String, String>> records(String topic, Predicate<List<ConsumerRecord<String, String>>> enough) {
        return records(topic, new StringDeserializer(), enough);
    }

    /** {@link #records(String, Predicate)} with keys and values as the bytes they are. */
    public List<ConsumerRecord<byte[], byte[]>> rawRecords(String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        return records(topic, new ByteArrayDeserializer(), enough);
    }

    private <T> List<ConsumerRecord<T, T>> records(String topic, Deserializer<T> deserializer,
                                                   Predicate<List<ConsumerRecord<T, T>>> enough) {
        try (KafkaConsumer<T, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), deserializer, deserializer)) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<T, T>> records = new ArrayList<>();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort(Comparator.<ConsumerRecord<T, T>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    /**
     * Deletes every record of those of {@code topics} that exist, so that a test class's tests can
     * share them: readers from the beginning then start after what earlier tests left.
     */
    public void empty(String... topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            List<String> present = Arrays.stream(topics).filter(existing::contains).toList();
            if (present.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(present).allTopicNames().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            admin.listOffsets(latest).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .forEach((partition, end) -> deletions.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(deletions).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty " + Arrays.toString(topics), e);
        }
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return cluster.admin();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka broker", e);
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }
}
