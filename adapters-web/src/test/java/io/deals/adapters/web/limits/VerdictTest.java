package io.deals.adapters.web.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    private static Verdict write(boolean allowed, long remaining, Duration untilOneMore) {
        return new Verdict(LimitClass.WRITE, 6_000, allowed, remaining, untilOneMore.toNanos());
    }

    @Test
    void the_policy_names_the_class_its_quota_and_its_window_in_seconds() {
        assertThat(write(true, 5_999, Duration.ofMillis(10)).policyHeader()).isEqualTo("\"write\";q=6000;w=60");
        assertThat(new Verdict(LimitClass.READ, 60_000, true, 0, 0).policyHeader()).isEqualTo("\"read\";q=60000;w=60");
    }

    @Test
    void the_state_says_what_remains_and_the_whole_seconds_until_one_more_rounded_up() {
        assertThat(write(true, 5_999, Duration.ofMillis(10)).stateHeader()).isEqualTo("\"write\";r=5999;t=1");
        assertThat(write(true, 2, Duration.ofSeconds(20)).stateHeader()).isEqualTo("\"write\";r=2;t=20");
        assertThat(write(false, 0, Duration.ofSeconds(20).plusNanos(1)).stateHeader()).isEqualTo("\"write\";r=0;t=21");
    }

    @Test
    void retry_after_is_the_wait_in_whole_seconds_rounded_up_and_never_zero() {
        assertThat(write(false, 0, Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(write(false, 0, Duration.ofSeconds(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(write(false, 0, Duration.ofSeconds(1).plusNanos(1)).retryAfterSeconds()).isEqualTo(2);
        assertThat(write(false, 0, Duration.ofMillis(19_500)).retryAfterSeconds()).isEqualTo(20);
        assertThat(write(false, 0, Duration.ZERO).retryAfterSeconds())
                .as("refused, yet refilled by the time the answer is written: still wait a second").isEqualTo(1);
    }
}
