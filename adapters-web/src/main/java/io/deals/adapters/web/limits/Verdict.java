package io.deals.adapters.web.limits;

import java.util.concurrent.TimeUnit;

/**
 * What one request took from its bucket, said as draft-ietf-httpapi-ratelimit-headers says it.
 *
 * @param remaining         the whole requests left in the bucket after this one
 * @param nanosUntilOneMore how long until the bucket holds one request more than {@code remaining}
 */
record Verdict(LimitClass limitClass, int quota, boolean allowed, long remaining, long nanosUntilOneMore) {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** {@code RateLimit-Policy}: the class, its quota and the window it is counted over, in seconds. */
    String policyHeader() {
        return "\"%s\";q=%d;w=%d".formatted(limitClass.policyName(), quota, RateLimits.WINDOW.toSeconds());
    }

    /**
     * {@code RateLimit}: the requests left, and the seconds until there is one more, rounded up so
     * that a client waiting that long never finds the bucket short.
     */
    String stateHeader() {
        return "\"%s\";r=%d;t=%d".formatted(limitClass.policyName(), remaining, secondsUntilOneMore());
    }

    /** {@code Retry-After} of a refused request: when it would be allowed, in whole seconds, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, secondsUntilOneMore());
    }

    private long secondsUntilOneMore() {
        return (nanosUntilOneMore + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
