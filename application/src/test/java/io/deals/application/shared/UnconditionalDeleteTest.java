package io.deals.application.shared;

import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnconditionalDeleteTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private Runnable conflictingTimes(int conflicts) {
        return () -> {
            if (attempts.incrementAndGet() <= conflicts) {
                throw new VersionConflictException("deal", 7, new Version(attempts.get()));
            }
        };
    }

    @Test
    void without_an_expected_version_reads_again_and_removes_what_is_current() {
        UnconditionalDelete.run(null, conflictingTimes(3));

        assertThat(attempts).hasValue(4);
    }

    @Test
    void with_an_expected_version_a_conflict_is_the_clients() {
        assertThatThrownBy(() -> UnconditionalDelete.run(new Version(1), conflictingTimes(1)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void gives_up_after_ten_attempts_against_a_resource_that_never_stops_changing() {
        assertThatThrownBy(() -> UnconditionalDelete.run(null, conflictingTimes(Integer.MAX_VALUE)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(attempts).hasValue(10);
    }
}
