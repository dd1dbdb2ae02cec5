package io.deals.application.shared.port.out;

import java.time.Instant;

/** The time the use cases stamp on changes and events. */
public interface Clock {

    Instant now();
}
