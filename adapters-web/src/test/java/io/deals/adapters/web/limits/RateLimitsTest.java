package io.deals.adapters.web.limits;

import io.deals.adapters.web.shared.RouteAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    @Test
    void refuses_a_negative_limit_and_names_its_class() {
        assertThatThrownBy(() -> new RateLimits(-1, 6_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read").hasMessageContaining("-1");
        assertThatThrownBy(() -> new RateLimits(60_000, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write").hasMessageContaining("-5");
    }

    @Test
    void the_defaults_are_sixty_thousand_reads_and_six_thousand_writes_a_minute() {
        assertThat(RateLimits.DEFAULT.perMinute(LimitClass.READ)).isEqualTo(60_000);
        assertThat(RateLimits.DEFAULT.perMinute(LimitClass.WRITE)).isEqualTo(6_000);
    }

    @Test
    void imports_count_as_writes_and_public_routes_are_never_limited() {
        assertThat(LimitClass.of(RouteAccess.READ)).contains(LimitClass.READ);
        assertThat(LimitClass.of(RouteAccess.WRITE)).contains(LimitClass.WRITE);
        assertThat(LimitClass.of(RouteAccess.IMPORT)).contains(LimitClass.WRITE);
        assertThat(LimitClass.of(RouteAccess.PUBLIC)).isEmpty();
    }
}
