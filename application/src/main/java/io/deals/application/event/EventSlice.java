package io.deals.application.event;

import io.deals.application.event.port.in.ChangeEvent;

import java.util.List;

/**
 * Events read in one snapshot, with that snapshot's {@code head} (the highest {@code seq} committed;
 * every event up to it is visible, since events are recorded in commit order) and
 * {@code deletedThrough} (retention has deleted every event up to it).
 */
public record EventSlice(List<ChangeEvent> events, long head, long deletedThrough) {

    public EventSlice {
        events = List.copyOf(events);
    }
}
