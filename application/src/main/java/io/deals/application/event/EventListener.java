package io.deals.application.event;

import io.deals.application.event.port.in.ChangeEvent;

/**
 * Receives the events of a subscription: in commit order, each exactly once, never two calls at a
 * time. Calls run on a small pool shared by every subscription, so a listener must return quickly.
 * One that throws is dropped (and told so); one that is slow, or says it is not {@link #ready()},
 * falls behind and later reads on at its own pace, without losing anything.
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(ChangeEvent event);

    /**
     * Asked before each event: false holds deliveries back until {@link EventSubscription#resume()}
     * (for instance while a network connection has too much unsent).
     */
    default boolean ready() {
        return true;
    }

    /** Called at every heartbeat (15 s by default), events or not, ready or not. */
    default void onHeartbeat() {
    }

    /**
     * The subscription ended for the reason given, not because its owner closed it. Nothing follows;
     * a new subscription after the last {@code seq} received resumes where this one stopped.
     */
    default void onEnd(End why) {
    }

    /** Why the service ended a subscription. */
    enum End {
        /** A call to the listener threw. */
        LISTENER_FAILED,
        /** Retention deleted events the subscription had not read yet: resuming is refused too. */
        EVENTS_GONE,
        /** The service stopped. */
        STOPPED
    }
}
