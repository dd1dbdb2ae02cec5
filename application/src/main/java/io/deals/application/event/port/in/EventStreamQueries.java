package io.deals.application.event.port.in;

import io.deals.application.event.EventListener;
import io.deals.application.event.EventSubscription;

/** Following the event feed as it grows, pushed to a listener instead of paged. */
public interface EventStreamQueries {

    /**
     * Delivers to {@code listener} every event after {@code after} (a {@code seq}; null for the oldest
     * kept) that matches {@code filter}: first those already recorded, then each as it commits.
     *
     * @throws io.deals.application.event.EventsGoneException when events after {@code after} were already
     *                                                        deleted by retention
     */
    EventSubscription subscribe(Long after, EventFilter filter, EventListener listener);
}
