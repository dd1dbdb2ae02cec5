package io.deals.adapters.messaging;

import io.deals.application.event.EventPublishingException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.out.EventPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes events to topic {@code deals.events}: key {@link ChangeEvent#key()}, value the CloudEvent
 * in structured mode, header {@code content-type: application/cloudevents+json}.
 *
 * <p>The producer is idempotent with {@code acks=all}: the broker stores each partition's records
 * in the order sent, without duplicates from the producer's own retries, so what a failed batch
 * left behind is a prefix of it on each partition. A failed batch discards the producer (a fresh
 * one cannot have old records in flight) and is published again whole, in order: a key's events
 * may then repeat, but a repeat is a replay of the same run and never moves one event before an
 * earlier one of its key once duplicates are dropped by id.
 *
 * <p>Every wait is bounded, so a dead broker fails a publish within about 15 s rather than hanging.
 * Used by one relay thread at a time; {@link #reachable()} may be called from any thread.
 */
final class KafkaEventPublisher implements EventPublisher {

    private static final Header CONTENT_TYPE =
            new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private Admin admin;
    private Producer<String, byte[]> producer;
    private boolean topicReady;
    private final AtomicBoolean reachable = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong lastProbeNanos = new AtomicLong(System.nanoTime() - PROBE_EVERY.toNanos());

    /** Connects to nothing yet: the clients are made when first needed, so a broker that is away delays nothing. */
    KafkaEventPublisher(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void publish(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            ensureTopic();
            send(producer(), events);
            reachable.set(true);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            discardProducer();
            reachable.set(false);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new EventPublishingException("Kafka did not acknowledge " + events.size() + " events: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new EventPublishingException("interrupted while publishing to Kafka", e);
        }
    }

    @Override
    public boolean reachable() {
        if (System.nanoTime() - lastProbeNanos.get() >= PROBE_EVERY.toNanos() && probing.compareAndSet(false, true)) {
            lastProbeNanos.set(System.nanoTime());
            try {
                admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) ADMIN_TIMEOUT.toMillis()))
                        .nodes()
                        .whenComplete((nodes, failure) -> {
                            reachable.set(failure == null && !nodes.isEmpty());
                            probing.set(false);
                        });
            } catch (RuntimeException e) {
                // Such as a bootstrap name that does not resolve (yet).
                reachable.set(false);
                probing.set(false);
            }
        }
        return reachable.get();
    }

    @Override
    public synchronized void close() {
        discardProducer();
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
            admin = null;
        }
    }

    /**
     * Sends all, then waits until each is acknowledged or has failed (flush is bounded by the
     * delivery timeout). After the first failure the rest are not even sent: a partition must not
     * store a later event of the batch once an earlier one failed.
     */
    private static void send(Producer<String, byte[]> producer, List<ChangeEvent> events) throws ExecutionException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (ChangeEvent event : events) {
            if (failure.get() != null) {
                break;
            }
            producer.send(new ProducerRecord<>(Topics.EVENTS, null, event.key(),
                            event.cloudEvent().getBytes(StandardCharsets.UTF_8), List.of(CONTENT_TYPE)),
                    (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
    }

    private void ensureTopic() throws ExecutionException, InterruptedException, TimeoutException {
        if (!topicReady) {
            Topics.ensure(admin(), List.of(Topics.events()), ADMIN_TIMEOUT);
            topicReady = true;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "deals-relay-admin",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
        }
        return admin;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(ProducerSettings.reliable(bootstrapServers, "deals-relay"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Closes the producer at once (what it still holds has failed anyway) and checks the topic again next time. */
    private void discardProducer() {
        Producer<String, byte[]> discarded = producer;
        producer = null;
        topicReady = false;
        if (discarded != null) {
            discarded.close(Duration.ZERO);
        }
    }
}
