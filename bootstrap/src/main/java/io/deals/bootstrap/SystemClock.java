package io.deals.bootstrap;

import io.deals.application.shared.port.out.Clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock time, to the microsecond PostgreSQL keeps, so what is stored reads back equal. */
final class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
