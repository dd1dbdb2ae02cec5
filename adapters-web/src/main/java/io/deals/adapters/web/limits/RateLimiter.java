package io.deals.adapters.web.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.Optional;

/**
 * A token bucket per client and class, in this server instance's memory. A bucket holds one
 * window's worth of its class's quota and refills continuously, so a client may burst up to the
 * quota and then goes at the quota's pace.
 */
final class RateLimiter {

    /**
     * The most buckets kept: far more clients than one instance serves in a minute, and a bound on
     * memory (about half a kilobyte a bucket, some 50 MB in all) whatever number of addresses a
     * flood comes from.
     */
    static final long MAX_BUCKETS = 100_000;

    private record BucketKey(LimitClass limitClass, String client) {
    }

    private final RateLimits limits;
    private final TimeMeter time;
    private final Cache<BucketKey, Bucket> buckets;

    RateLimiter(RateLimits limits) {
        this(limits, MAX_BUCKETS, Ticker.systemTicker());
    }

    /** With its own bound and clock, which the buckets and their eviction both read. */
    RateLimiter(RateLimits limits, long maxBuckets, Ticker clock) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.read();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        // A bucket left alone for a whole window has refilled to full, which is what a new bucket
        // starts with: evicting it then forgives nothing. The size bound keeps memory bounded
        // when more clients than that come within one window.
        this.buckets = Caffeine.newBuilder()
                .ticker(clock)
                .expireAfterAccess(RateLimits.WINDOW)
                .maximumSize(maxBuckets)
                .build();
    }

    /** Takes one request from the client's bucket of this class; empty when the class is not limited. */
    Optional<Verdict> take(LimitClass limitClass, String client) {
        int quota = limits.perMinute(limitClass);
        if (quota == 0) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(new BucketKey(limitClass, client), key -> newBucket(quota));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long nanosUntilOneMore = probe.isConsumed()
                ? bucket.estimateAbilityToConsume(remaining + 1).getNanosToWaitForRefill()
                : probe.getNanosToWaitForRefill();
        return Optional.of(new Verdict(limitClass, quota, probe.isConsumed(), remaining, nanosUntilOneMore));
    }

    /** How many buckets are held, once the evictions due have been made. */
    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(int quota) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, RateLimits.WINDOW))
                .withCustomTimePrecision(time)
                .build();
    }
}
