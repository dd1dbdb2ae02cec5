package io.deals.application.event.service;

import io.deals.application.event.EventSlice;
import io.deals.application.event.EventPositionUnknownException;
import io.deals.application.event.EventsGoneException;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.in.EventQueries;
import io.deals.application.event.port.out.EventLog;

public final class EventQueryService implements EventQueries {

    private final EventLog log;

    public EventQueryService(EventLog log) {
        this.log = log;
    }

    @Override
    public EventPage page(Long after, int limit, EventFilter filter) {
        if ((after != null && after < 0) || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after must be >= 0 and limit 1-" + MAX_LIMIT);
        }
        return pageOf(after, limit, log.after(after == null ? 0 : after, limit, filter));
    }

    /** The page that {@code slice}, read after {@code after} (or 0 when null) with {@code limit}, makes. */
    static EventPage pageOf(Long after, int limit, EventSlice slice) {
        if (after != null && after < slice.deletedThrough()) {
            throw new EventsGoneException(after, slice.deletedThrough());
        }
        if (after != null && after > slice.head()) {
            throw new EventPositionUnknownException(after, slice.head());
        }
        // A full page continues after its last event; a shorter one read everything up to the head.
        long nextAfter = slice.events().size() == limit
                ? slice.events().get(limit - 1).seq()
                : Math.max(after == null ? 0 : after, slice.head());
        return new EventPage(slice.events(), nextAfter);
    }
}
