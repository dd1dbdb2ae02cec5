package io.deals.adapters.messaging;

import io.deals.application.imports.DealFileRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes deals file records as offers to topic {@code deals.offers} (made when missing): key the
 * record's {@code deal_id} ({@link OfferJson#key}), value {@link OfferJson#write}, so that a record the file
 * would refuse reaches the consumer as it is and is dead-lettered there. For demos and tests: the
 * server itself only consumes offers.
 *
 * <p>Sends are asynchronous. The producer is idempotent with {@code acks=all}, so each partition,
 * hence each deal's offers, is stored in send order without the producer's own duplicates.
 * Acknowledgements and failures are counted as they come back; once one offer has failed no
 * other is sent, since a later offer of its deal must not land without it. Used by one thread.
 */
public final class KafkaOfferPublisher implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long sent;

    private KafkaOfferPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /**
     * Connects to the brokers {@code bootstrapServers} ({@code host:port[,...]}) and makes topic
     * {@code deals.offers} when missing, waiting at most about {@code patience} for them.
     *
     * @throws OfferPublishingException when they cannot be reached or refuse the topic
     */
    public static KafkaOfferPublisher open(String bootstrapServers, Duration patience) {
        Admin admin;
        try {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "deals-offers-publisher-admin",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) patience.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) patience.toMillis()));
        } catch (KafkaException e) {
            // Such as a bootstrap name that does not resolve.
            throw new OfferPublishingException("cannot connect to Kafka at " + bootstrapServers, e);
        }
        try {
            Topics.ensure(admin, List.of(Topics.offers()), patience);
        } catch (ExecutionException e) {
            throw cannotPrepare(bootstrapServers, patience, e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw cannotPrepare(bootstrapServers, patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OfferPublishingException("interrupted while waiting for Kafka at " + bootstrapServers, e);
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
        return new KafkaOfferPublisher(new KafkaProducer<>(
                ProducerSettings.reliable(bootstrapServers, "deals-offers-publisher"),
                new StringSerializer(), new ByteArraySerializer()));
    }

    /** The topic the offers go to. */
    public String topic() {
        return Topics.OFFERS;
    }

    /**
     * Sends {@code record} as an offer, without waiting for its acknowledgement.
     *
     * @throws OfferPublishingException when an offer sent earlier has failed: nothing more is sent
     */
    public void send(DealFileRecord record) {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new OfferPublishingException("Kafka did not acknowledge an offer, so no more are sent", failure);
        }
        sent++;
        try {
            producer.send(new ProducerRecord<>(Topics.OFFERS, OfferJson.key(record.dealId()), OfferJson.write(record)),
                    (metadata, exception) -> {
                        if (exception == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, exception);
                        }
                    });
        } catch (KafkaException e) {
            // Failures the producer throws rather than hands to the callback, such as its buffer
            // staying full for longer than it may block.
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
        }
    }

    /** How far the offers sent have come: acknowledged or failed so far, the rest still on their way. */
    public Published published() {
        return new Published(sent, acknowledged.get(), failed.get(),
                Optional.ofNullable(firstFailure.get()).map(KafkaOfferPublisher::reason));
    }

    /**
     * Waits until every offer sent is acknowledged or has failed (the producer's delivery timeout
     * bounds it) and says how they went.
     */
    public Published flush() {
        producer.flush();
        return published();
    }

    /** Closes the producer, first waiting briefly for what it still holds. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private static String reason(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static OfferPublishingException cannotPrepare(String bootstrapServers, Duration patience, Throwable cause) {
        boolean timedOut = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        return new OfferPublishingException(timedOut
                ? "Kafka at " + bootstrapServers + " did not answer within " + patience.toSeconds() + " s"
                : "Kafka at " + bootstrapServers + " could not make topic " + Topics.OFFERS + " ready", cause);
    }

    /**
     * Offers sent, acknowledged and failed; {@code sent - acknowledged - failed} are still on their
     * way. {@code firstFailure} says why the first failed one did.
     */
    public record Published(long sent, long acknowledged, long failed, Optional<String> firstFailure) {
    }
}
