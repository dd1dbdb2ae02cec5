package io.deals.domain.shared;

import java.util.List;
import java.util.Objects;

/** An aggregate after a command, with the events the command raised (none if nothing changed). */
public record Change<T>(T after, List<DomainEvent> events) {

    public Change {
        Objects.requireNonNull(after, "after");
        events = List.copyOf(events);
    }

    public static <T> Change<T> none(T unchanged) {
        return new Change<>(unchanged, List.of());
    }

    public boolean changedAnything() {
        return !events.isEmpty();
    }
}
