package io.deals.application.event.port.out;

import io.deals.application.event.EventSlice;
import io.deals.application.event.port.in.EventFilter;

/** The recorded events, read in commit order ({@code seq}). */
public interface EventLog {

    /**
     * Up to {@code limit} events after {@code after} that match {@code filter}, read in one snapshot
     * together with the feed's head and the retention's mark.
     */
    EventSlice after(long after, int limit, EventFilter filter);
}
