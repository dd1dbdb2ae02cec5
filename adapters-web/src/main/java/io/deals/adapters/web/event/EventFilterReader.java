package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.QueryParams;
import io.deals.application.event.port.in.EventFilter;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The feed's filters, the same for its pages and its stream: {@code type} (repeatable) and {@code subject}. */
final class EventFilterReader {

    static final Set<String> PARAMETERS = Set.of("type", "subject");
    static final Set<String> REPEATABLE = Set.of("type");

    private EventFilterReader() {
    }

    static EventFilter read(QueryParams params) {
        List<String> types = params.all("type");
        if (!EventFilter.TYPES.containsAll(types)) {
            params.reject("type", "must be one of " + String.join(", ", new TreeSet<>(EventFilter.TYPES)));
        }
        return new EventFilter(Set.copyOf(types), params.id("subject"));
    }
}
