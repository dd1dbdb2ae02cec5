package io.deals.domain.deal;

import io.deals.domain.shared.Violation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static io.deals.domain.deal.DealFixtures.draft;
import static io.deals.domain.shared.DomainAssertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DiscountRulePropertyTest {

    @Provide
    Arbitrary<Prices> prices() {
        return Prices.valid();
    }

    private static DealFixtures.DraftBuilder draftWith(Prices prices, Integer discount) {
        return draft().price(prices.price().toPlainString()).original(prices.original().toPlainString())
                .discount(discount);
    }

    private static List<Violation> rejectionOf(Prices prices, int discount) {
        return violationsOf(() -> Deal.validate(draftWith(prices, discount).build()));
    }

    @Property
    void omitted_discount_is_the_exact_discount_rounded_half_up(@ForAll("prices") Prices prices) {
        int derived = Deal.validate(draftWith(prices, null).build()).discount().value();

        assertThat(derived).isBetween(0, 100).isEqualTo(prices.roundedDiscount());
        assertThat(prices.withinOnePoint(derived)).isTrue();
    }

    @Property
    void discount_near_the_exact_value_is_accepted_exactly_when_within_one_point(
            @ForAll("prices") Prices prices, @ForAll @IntRange(min = -2, max = 2) int offset) {
        int discount = prices.roundedDiscount() + offset;
        Assume.that(discount >= 0 && discount <= 100);

        if (prices.withinOnePoint(discount)) {
            assertThat(Deal.validate(draftWith(prices, discount).build()).discount().value()).isEqualTo(discount);
        } else {
            assertThat(rejectionOf(prices, discount)).extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("discount_percent", "inconsistent_discount"));
        }
    }

    @Property
    void any_discount_more_than_one_point_away_is_rejected(@ForAll("prices") Prices prices,
                                                          @ForAll @IntRange(min = 0, max = 100) int discount) {
        Assume.that(!prices.withinOnePoint(discount));

        assertThat(rejectionOf(prices, discount)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("discount_percent", "inconsistent_discount"));
    }

    @Property
    void price_above_original_is_rejected(@ForAll("prices") Prices prices) {
        Assume.that(prices.priceCents() < prices.originalCents());
        Prices swapped = new Prices(prices.originalCents(), prices.priceCents());

        assertThat(violationsOf(() -> Deal.validate(draftWith(swapped, null).build())))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("price_per_night", "price_above_original"));
    }
}
