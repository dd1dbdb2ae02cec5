package io.deals.application.event.port.out;

import io.deals.application.event.port.in.ChangeEvent;

import java.util.List;

/** Where the relay sends the events: a broker that acknowledges what it has stored durably. */
public interface EventPublisher extends AutoCloseable {

    /**
     * Publishes {@code events} in their order and returns only once the broker has acknowledged
     * every one of them. Events of one key keep their order, also across a failed call and its retry.
     *
     * @throws io.deals.application.event.EventPublishingException when any of them was not
     *         acknowledged within a bounded time; some may have been stored all the same
     */
    void publish(List<ChangeEvent> events);

    /**
     * Whether the broker answered lately (the last publish, or a check in the background at most a
     * few seconds old). Never blocks, so health checks can ask it freely.
     */
    boolean reachable();

    /** Releases the connections to the broker, waiting a bounded time for what is in flight. */
    @Override
    void close();
}
