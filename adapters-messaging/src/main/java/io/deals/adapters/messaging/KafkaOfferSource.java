package io.deals.adapters.messaging;

import io.deals.application.offer.Offer;
import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.OfferPosition;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.RejectedOffer;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.offer.port.out.OfferSource;
import io.deals.domain.shared.Violation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads {@code deals.offers} in consumer group {@code deals-offers} and sets rejected offers aside
 * on {@code deals.offers.dlq}.
 *
 * <p>Kafka's own committed offsets are never where reading starts: a partition given to this
 * consumer is paused until its position stored in the database is read, then sought to (to the
 * beginning when none is stored). After a failed batch every partition goes through that again, so
 * a batch that rolled back is read again from exactly where the database says.
 *
 * <p>Records are read as bytes, so that a rejected one is copied to the dead-letter topic with its
 * key, value and headers untouched (its value left out when Kafka finds the copy too large). Used
 * by one thread; {@link #lag()} may be read from any.
 */
final class KafkaOfferSource implements OfferSource, ConsumerRebalanceListener {

    static final String GROUP = "deals-offers";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOfferSource.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Large enough to spread a merge's fixed cost, small enough to keep a batch's transaction short. */
    private static final int MAX_POLL_RECORDS = 5_000;

    private final String bootstrapServers;
    private OfferPositions positions;
    private Consumer<byte[], byte[]> consumer;
    private Producer<byte[], byte[]> deadLetters;
    /** Per partition of this consumer's: the stored position its next batch starts from (empty: none stored). */
    private final Map<TopicPartition, OptionalLong> started = new HashMap<>();
    /** Partitions paused until their stored position is sought. */
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    /** The last batch's records, by position: what a rejected offer's copy is made of. */
    private final Map<OfferPosition, ConsumerRecord<byte[], byte[]>> lastRecords = new HashMap<>();
    private volatile long lag;

    /** Connects to nothing yet: the first poll does, so a broker that is away delays nothing. */
    KafkaOfferSource(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void subscribe(OfferPositions stored) {
        this.positions = stored;
    }

    @Override
    public OfferBatch poll(Duration timeout) {
        consumer();
        seekStored();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        lastRecords.clear();
        List<Offer> offers = new ArrayList<>(records.count());
        List<PartitionProgress> progress = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> polled = records.records(partition);
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                OfferPosition position = new OfferPosition(record.topic(), record.partition(), record.offset());
                lastRecords.put(position, record);
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                OfferJson.Read read = OfferJson.read(offers.size() + 1L, key, record.value());
                offers.add(read.violations().isEmpty() ? Offer.of(position, read.fields())
                        : Offer.unreadable(position, read.fields(), read.violations()));
            }
            progress.add(new PartitionProgress(partition.topic(), partition.partition(),
                    started.getOrDefault(partition, OptionalLong.empty()), polled.get(polled.size() - 1).offset() + 1));
        }
        // The polled offers count until they are applied: a batch that fails keeps the lag it had.
        lag = records.count() + consumer.assignment().stream()
                .mapToLong(partition -> consumer.currentLag(partition).orElse(0))
                .sum();
        return new OfferBatch(offers, progress);
    }

    /**
     * Copies the rejected offers to the dead-letter topic and waits until Kafka acknowledged them
     * all. A copy Kafka refuses as too large (a value that only fitted the offers topic compressed,
     * or a dead-letter topic made with a smaller limit) goes again without its value, so that its
     * reasons still arrive and the batch still commits; any other failure throws, for the batch to
     * roll back and be read again.
     */
    @Override
    public void setAside(List<RejectedOffer> rejected) {
        List<RejectedOffer> tooLarge = send(rejected, true);
        send(tooLarge, false);
    }

    /**
     * Sends the dead letters of {@code rejected}, with their values or without, and waits for
     * them; returns the offers whose copy with its value was refused as too large, and throws when
     * any other copy was not taken (one without its value refused as too large included).
     */
    private List<RejectedOffer> send(List<RejectedOffer> rejected, boolean withValues) {
        if (rejected.isEmpty()) {
            return List.of();
        }
        List<RejectedOffer> tooLarge = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            Producer<byte[], byte[]> producer = deadLetters();
            for (RejectedOffer offer : rejected) {
                // The producer's own size check and the broker's refusal both arrive here.
                producer.send(deadLetter(offer, withValues), (metadata, exception) -> {
                    if (withValues && exception instanceof RecordTooLargeException) {
                        tooLarge.add(offer);
                    } else if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            discardDeadLetters();
            throw new IllegalStateException("Kafka did not acknowledge " + rejected.size()
                    + " offers for the dead-letter topic: " + failure.get(), failure.get());
        }
        return tooLarge;
    }

    /**
     * The rejected record as it came, with a code, field and message header for each reason, and
     * where it came from; without its value, a header says how many bytes the value had.
     */
    private ProducerRecord<byte[], byte[]> deadLetter(RejectedOffer offer, boolean withValue) {
        ConsumerRecord<byte[], byte[]> original = lastRecords.get(offer.position());
        if (original == null) {
            throw new IllegalArgumentException("not an offer of the last batch: " + offer.position());
        }
        List<Header> headers = new ArrayList<>();
        original.headers().forEach(headers::add);
        for (Violation reason : offer.reasons()) {
            headers.add(header("deals.error.code", reason.code()));
            headers.add(header("deals.error.field", reason.field()));
            headers.add(header("deals.error.message", reason.message()));
        }
        headers.add(header("deals.original.topic", original.topic()));
        headers.add(header("deals.original.partition", Integer.toString(original.partition())));
        headers.add(header("deals.original.offset", Long.toString(original.offset())));
        if (!withValue) {
            headers.add(header("deals.original.value.bytes", Integer.toString(original.serializedValueSize())));
        }
        return new ProducerRecord<>(Topics.OFFERS_DLQ, null, original.key(), withValue ? original.value() : null, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void committed(OfferBatch batch) {
        lag -= batch.offers().size();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionProgress progress : batch.progress()) {
            TopicPartition partition = new TopicPartition(progress.topic(), progress.partition());
            started.put(partition, OptionalLong.of(progress.next()));
            offsets.put(partition, new OffsetAndMetadata(progress.next()));
        }
        consumer.commitAsync(offsets, (committed, exception) -> {
            if (exception != null) {
                LOG.debug("Kafka did not take the consumed offsets (the database has them): {}", exception.toString());
            }
        });
    }

    @Override
    public void rewind() {
        lastRecords.clear();
        if (consumer != null) {
            consumer.pause(consumer.assignment());
            unpositioned.addAll(consumer.assignment());
        }
    }

    @Override
    public long lag() {
        return lag;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Paused until sought: the poll that gave them must not read them from Kafka's offsets.
        consumer.pause(partitions);
        unpositioned.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(started::remove);
        unpositioned.removeAll(partitions);
    }

    /** Seeks each paused partition to its stored position, then resumes it; throws, leaving them paused, when the database does not answer. */
    private void seekStored() {
        unpositioned.retainAll(consumer.assignment());
        if (unpositioned.isEmpty()) {
            return;
        }
        Map<Integer, Long> stored = positions.stored(Topics.OFFERS,
                unpositioned.stream().map(TopicPartition::partition).toList());
        for (TopicPartition partition : unpositioned) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
                started.put(partition, OptionalLong.empty());
            } else {
                consumer.seek(partition, next);
                started.put(partition, OptionalLong.of(next));
            }
        }
        consumer.resume(unpositioned);
        unpositioned.clear();
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CLOSE_TIMEOUT);
            consumer = null;
        }
        discardDeadLetters();
    }

    /** The consumer, subscribed once both topics exist (created when missing). */
    private Consumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "deals-offers-admin",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
                Topics.ensure(admin, List.of(Topics.offers(), Topics.offersDeadLetters()), ADMIN_TIMEOUT);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot make sure the offer topics exist: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making sure the offer topics exist", e);
            }
            consumer = new KafkaConsumer<>(consumerSettings(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.OFFERS), this);
        }
        return consumer;
    }

    private Producer<byte[], byte[]> deadLetters() {
        if (deadLetters == null) {
            deadLetters = new KafkaProducer<>(producerSettings(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return deadLetters;
    }

    private void discardDeadLetters() {
        Producer<byte[], byte[]> discarded = deadLetters;
        deadLetters = null;
        if (discarded != null) {
            discarded.close(Duration.ZERO);
        }
    }

    /**
     * No auto-commit (the database holds the positions); only committed transactions' records. A
     * dead consumer's partitions move to the others within about 10 s.
     */
    private Map<String, Object> consumerSettings() {
        return Map.ofEntries(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, GROUP),
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, "deals-offers"),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS),
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000),
                Map.entry(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Reliable, with requests as large as the dead-letter topic takes. */
    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(ProducerSettings.reliable(bootstrapServers, "deals-offers-dlq"));
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DLQ_MAX_MESSAGE_BYTES);
        return settings;
    }
}
