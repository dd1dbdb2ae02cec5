package io.deals.adapters.web.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final String CLIENT = "address 192.0.2.1";

    /** The clock the buckets refill by and their eviction reads: it moves only when a test says so. */
    private final AtomicLong nanos = new AtomicLong();

    private RateLimiter limiter(int readsPerMinute, int writesPerMinute) {
        return limiter(new RateLimits(readsPerMinute, writesPerMinute), RateLimiter.MAX_BUCKETS);
    }

    private RateLimiter limiter(RateLimits limits, long maxBuckets) {
        return new RateLimiter(limits, maxBuckets, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Verdict take(RateLimiter limiter, LimitClass limitClass, String client) {
        return limiter.take(limitClass, client).orElseThrow();
    }

    private static void drain(RateLimiter limiter, LimitClass limitClass, String client) {
        while (take(limiter, limitClass, client).allowed()) {
            // every allowed request takes one from the bucket
        }
    }

    @Test
    void a_new_client_may_burst_up_to_the_quota_and_is_refused_after_it() {
        RateLimiter limiter = limiter(100, 3);

        assertThat(take(limiter, LimitClass.WRITE, CLIENT)).extracting(Verdict::allowed, Verdict::remaining)
                .containsExactly(true, 2L);
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).remaining()).isEqualTo(1);
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).remaining()).isEqualTo(0);
        Verdict refused = take(limiter, LimitClass.WRITE, CLIENT);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.nanosUntilOneMore()).isEqualTo(Duration.ofSeconds(20).toNanos());
    }

    @Test
    void the_bucket_refills_continuously_at_the_quotas_pace() {
        RateLimiter limiter = limiter(100, 3);
        drain(limiter, LimitClass.WRITE, CLIENT);

        advance(Duration.ofSeconds(20).minusNanos(1));
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).allowed()).as("one nanosecond short of a third of a minute")
                .isFalse();
        advance(Duration.ofNanos(1));
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).allowed()).as("a third of a minute: one write more").isTrue();
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).allowed()).isFalse();
    }

    @Test
    void a_bucket_never_holds_more_than_one_minutes_worth() {
        RateLimiter limiter = limiter(100, 3);
        take(limiter, LimitClass.WRITE, CLIENT);

        advance(Duration.ofHours(1));

        assertThat(take(limiter, LimitClass.WRITE, CLIENT).remaining()).isEqualTo(2);
    }

    @Test
    void writes_do_not_use_up_reads() {
        RateLimiter limiter = limiter(100, 3);
        drain(limiter, LimitClass.WRITE, CLIENT);

        Verdict read = take(limiter, LimitClass.READ, CLIENT);

        assertThat(read.allowed()).isTrue();
        assertThat(read.remaining()).isEqualTo(99);
    }

    @Test
    void each_client_has_its_own_bucket() {
        RateLimiter limiter = limiter(100, 3);
        drain(limiter, LimitClass.WRITE, CLIENT);

        assertThat(take(limiter, LimitClass.WRITE, "address 192.0.2.2").remaining()).isEqualTo(2);
        assertThat(take(limiter, LimitClass.WRITE, "subject " + CLIENT).remaining()).isEqualTo(2);
        assertThat(take(limiter, LimitClass.WRITE, CLIENT).allowed()).isFalse();
    }

    @Test
    void a_class_set_to_zero_is_not_limited_at_all() {
        RateLimiter limiter = limiter(0, 3);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.take(LimitClass.READ, CLIENT)).isEmpty();
        }
        assertThat(limiter.take(LimitClass.WRITE, CLIENT)).isPresent();
        assertThat(limiter.bucketCount()).as("no bucket is even made for reads").isEqualTo(1);
    }

    @Test
    void a_bucket_left_alone_for_a_whole_minute_is_evicted_and_its_client_starts_full_as_it_would_have() {
        RateLimiter limiter = limiter(100, 3);
        for (int i = 0; i < 10; i++) {
            drain(limiter, LimitClass.WRITE, "address 192.0.2." + i);
        }

        advance(RateLimits.WINDOW.minusNanos(1));
        assertThat(limiter.bucketCount()).as("idle for less than a minute: kept").isEqualTo(10);
        advance(Duration.ofNanos(1));
        assertThat(limiter.bucketCount()).as("idle for a minute: evicted").isZero();

        assertThat(take(limiter, LimitClass.WRITE, "address 192.0.2.0").remaining())
                .as("a full bucket, which is what a minute's refill had made of the old one").isEqualTo(2);
    }

    @Test
    void a_flood_of_distinct_clients_holds_no_more_buckets_than_the_bound() {
        RateLimiter limiter = limiter(new RateLimits(100, 3), 1_000);

        for (int i = 0; i < 50_000; i++) {
            Verdict verdict = take(limiter, LimitClass.READ, "address 10.0." + (i >> 8) + "." + (i & 0xff));
            assertThat(verdict.remaining()).isEqualTo(99);
            advance(Duration.ofMillis(1));
        }

        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(1_000);
    }
}
