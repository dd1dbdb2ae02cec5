package io.deals.application.event;

/** A running subscription to the feed. */
public interface EventSubscription extends AutoCloseable {

    /** Deliveries go on after the listener said it was not {@link EventListener#ready()}. */
    void resume();

    /** Stops deliveries (one under way finishes). Idempotent, and never calls {@link EventListener#onEnd}. */
    @Override
    void close();
}
