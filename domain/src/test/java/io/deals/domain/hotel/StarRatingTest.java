package io.deals.domain.hotel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.deals.domain.shared.DomainAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class StarRatingTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void accepts_one_to_five_stars(int stars) {
        assertThat(StarRating.of(stars).value()).isEqualTo(stars);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 6})
    void rejects_ratings_outside_one_to_five(int stars) {
        assertInvalid(() -> StarRating.of(stars), "out_of_range");
    }

    @Test
    void requires_a_rating() {
        assertInvalid(() -> StarRating.of(null), "required");
    }
}
