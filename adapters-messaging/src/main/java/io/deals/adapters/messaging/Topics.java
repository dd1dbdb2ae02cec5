package io.deals.adapters.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The topics Deals uses, and the one way it creates them when they are missing. */
final class Topics {

    static final String EVENTS = "deals.events";
    static final String OFFERS = "deals.offers";
    static final String OFFERS_DLQ = "deals.offers.dlq";
    static final int PARTITIONS = 6;

    /**
     * The dead-letter topic takes records this large, since it copies values untouched, and the
     * producer's request size matches; a value larger still (one that came compressed) is left
     * out of its copy.
     */
    static final int DLQ_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private Topics() {
    }

    static NewTopic events() {
        return new NewTopic(EVENTS, Optional.of(PARTITIONS), Optional.empty());
    }

    static NewTopic offers() {
        return new NewTopic(OFFERS, Optional.of(PARTITIONS), Optional.empty());
    }

    static NewTopic offersDeadLetters() {
        return new NewTopic(OFFERS_DLQ, Optional.of(PARTITIONS), Optional.empty())
                .configs(Map.of("max.message.bytes", Integer.toString(DLQ_MAX_MESSAGE_BYTES)));
    }

    /** Creates those of {@code topics} that are missing, with their partitions; the broker chooses the replication factor. */
    static void ensure(Admin admin, List<NewTopic> topics, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
