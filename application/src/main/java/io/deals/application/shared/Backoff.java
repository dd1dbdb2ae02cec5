package io.deals.application.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying again after consecutive failures: {@code first}, doubled for each
 * failure after the first, never more than {@code max}. One definition for every loop that retries
 * by itself (the event relay, the offer consumer).
 */
public record Backoff(Duration first, Duration max) {

    /** 1, 2, 4, 8, 8, ... seconds. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration delay(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
