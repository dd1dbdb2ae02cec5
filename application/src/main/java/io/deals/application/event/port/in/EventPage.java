package io.deals.application.event.port.in;

import java.util.List;

/**
 * Events in commit order, and where to read on from: pass {@code nextAfter} back as {@code after}.
 * It may lie past the last item when a filter skipped events.
 */
public record EventPage(List<ChangeEvent> items, long nextAfter) {

    public EventPage {
        items = List.copyOf(items);
    }
}
