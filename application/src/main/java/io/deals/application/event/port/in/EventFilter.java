package io.deals.application.event.port.in;

import java.util.Set;

/**
 * Which events a reader wants: any of {@code types} (all when empty), of the resource {@code subject}
 * (any when null). A feed that filters still advances past what it skips.
 */
public record EventFilter(Set<String> types, Long subject) {

    public static final EventFilter ALL = new EventFilter(Set.of(), null);

    public EventFilter {
        types = Set.copyOf(types);
    }

    public boolean matches(ChangeEvent event) {
        return (types.isEmpty() || types.contains(event.type())) && (subject == null || subject == event.subject());
    }
}
