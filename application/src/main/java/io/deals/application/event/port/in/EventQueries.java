package io.deals.application.event.port.in;

/** Reading the event feed in commit order. */
public interface EventQueries {

    int MAX_LIMIT = 1000;

    /**
     * The events after {@code after} (a {@code seq}; null for the oldest kept), at most {@code limit}.
     * Following {@code nextAfter} sees every event exactly once, whatever commits meanwhile.
     *
     * @throws io.deals.application.event.EventsGoneException when events after {@code after} were already deleted by retention
     */
    EventPage page(Long after, int limit, EventFilter filter);
}
