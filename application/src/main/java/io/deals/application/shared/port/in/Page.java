package io.deals.application.shared.port.in;

import java.util.List;

/** A page of results; {@code next} is where the following page starts, {@code null} on the last one. */
public record Page<T>(List<T> items, Long total, Keyset next) {

    public Page {
        items = List.copyOf(items);
    }
}
