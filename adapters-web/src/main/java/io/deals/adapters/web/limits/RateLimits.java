package io.deals.adapters.web.limits;

import java.time.Duration;

/**
 * How many requests a minute each client may make, per class: reads, and writes (imports count
 * as writes). 0 turns a class off: its requests are neither counted nor answered with headers.
 */
public record RateLimits(int readPerMinute, int writePerMinute) {

    /** Enough to stop a runaway client without throttling a busy upstream service. */
    public static final RateLimits DEFAULT = new RateLimits(60_000, 6_000);
    public static final RateLimits OFF = new RateLimits(0, 0);

    /** What a limit is counted over, and what a bucket holds: one minute's worth. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    public RateLimits {
        requireNotNegative("read", readPerMinute);
        requireNotNegative("write", writePerMinute);
    }

    int perMinute(LimitClass limitClass) {
        return switch (limitClass) {
            case READ -> readPerMinute;
            case WRITE -> writePerMinute;
        };
    }

    private static void requireNotNegative(String limitClass, int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("the " + limitClass + " rate limit must be 0 (off) or more requests a"
                    + " minute (got " + perMinute + ")");
        }
    }
}
