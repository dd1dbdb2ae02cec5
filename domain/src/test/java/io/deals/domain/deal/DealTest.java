package io.deals.domain.deal;

import io.deals.domain.category.Categories;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.DomainEvent;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.deals.domain.deal.DealFixtures.CREATED;
import static io.deals.domain.deal.DealFixtures.ID;
import static io.deals.domain.deal.DealFixtures.NOW;
import static io.deals.domain.deal.DealFixtures.deal;
import static io.deals.domain.deal.DealFixtures.draft;
import static io.deals.domain.deal.DealFixtures.patch;
import static io.deals.domain.shared.DomainAssertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DealTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

    private static void assertViolations(ThrowingCallable call, Tuple... fieldsAndCodes) {
        assertThat(violationsOf(call))
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(fieldsAndCodes);
    }

    private static DealTerms validate(DealFixtures.DraftBuilder draft) {
        return Deal.validate(draft.build());
    }

    /** The deal every change test patches: 80.00 instead of 100.00, discount 20. */
    private final Deal deal = deal();

    private Change<Deal> apply(DealFixtures.PatchBuilder patch) {
        return deal.change(patch.build(), NOW);
    }

    private DealTerms applied(DealFixtures.PatchBuilder patch) {
        return apply(patch).after().terms();
    }

    private void assertUnchanged(Change<Deal> change) {
        assertThat(change.after()).isSameAs(deal);
        assertThat(change.events()).isEmpty();
        assertThat(change.changedAnything()).isFalse();
    }

    @Test
    void builds_normalized_terms_from_a_valid_draft() {
        DealTerms terms = validate(draft().roomType("  Double room ").categories(List.of("Family", " beach"))
                .externalRef(" EXT-1 ").price("80").available(false));

        assertThat(terms.hotelId()).isEqualTo(new HotelId(7));
        assertThat(terms.roomType()).isEqualTo("Double room");
        assertThat(terms.pricePerNight()).isEqualTo(Money.of("80.00"));
        assertThat(terms.originalPrice()).isEqualTo(Money.of("100.00"));
        assertThat(terms.stay()).isEqualTo(new Stay(JUNE_1, LocalDate.of(2025, 6, 4)));
        assertThat(terms.available()).isFalse();
        assertThat(terms.categories().values()).containsExactly("beach", "family");
        assertThat(terms.externalRef()).isEqualTo(new ExternalRef("EXT-1"));
    }

    @Test
    void omitted_optional_fields_default_to_available_without_categories_or_reference() {
        DealTerms terms = validate(draft().available(null).categories(null).externalRef(null));

        assertThat(terms.available()).isTrue();
        assertThat(terms.categories()).isEqualTo(Categories.NONE);
        assertThat(terms.externalRef()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"80.00, 20", "87.50, 13", "87.51, 12", "100.00, 0"})
    void omitted_discount_is_derived_rounded_half_up(String price, int discount) {
        assertThat(validate(draft().price(price)).discount().value()).isEqualTo(discount);
    }

    @ParameterizedTest
    @CsvSource({"19", "20", "21"})
    void given_discount_within_one_point_is_kept(int discount) {
        assertThat(validate(draft().discount(discount)).discount().value()).isEqualTo(discount);
    }

    @ParameterizedTest
    @CsvSource({"18", "22", "0"})
    void given_discount_beyond_one_point_is_inconsistent(int discount) {
        assertViolations(() -> validate(draft().discount(discount)),
                tuple("discount_percent", "inconsistent_discount"));
    }

    @Test
    void rejects_price_above_original_without_also_blaming_the_discount() {
        assertViolations(() -> validate(draft().price("100.01").discount(50)),
                tuple("price_per_night", "price_above_original"));
    }

    @Test
    void accepts_price_equal_to_original_as_no_discount() {
        assertThat(validate(draft().price("100")).discount().value()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "price_per_night, 0, must_be_positive",
            "price_per_night, 0.005, too_many_decimals",
            "original_price, -5, must_be_positive",
            "original_price, 100000.01, out_of_range",
            "original_price, 12.345, too_many_decimals",
    })
    void reports_a_broken_money_rule_under_its_field(String field, String amount, String code) {
        DealFixtures.DraftBuilder draft = field.equals("price_per_night") ? draft().price(amount)
                : draft().original(amount);

        assertViolations(() -> validate(draft), tuple(field, code));
    }

    @Test
    void rejects_checkout_before_checkin() {
        assertViolations(() -> validate(draft().stay(JUNE_1, JUNE_1.minusDays(1))),
                tuple("checkout_date", "checkout_not_after_checkin"));
    }

    @Test
    void rejects_a_stay_of_more_than_365_nights() {
        assertViolations(() -> validate(draft().stay(JUNE_1, JUNE_1.plusDays(366))),
                tuple("checkout_date", "stay_too_long"));
    }

    @Test
    void rejects_a_room_type_longer_than_50_characters() {
        assertThat(validate(draft().roomType("r".repeat(50))).roomType()).hasSize(50);
        assertViolations(() -> validate(draft().roomType("r".repeat(51))), tuple("room_type", "too_long"));
    }

    @Test
    void reports_every_invalid_field_at_once() {
        DealFixtures.DraftBuilder broken = draft().hotelId(null).roomType(" ").price("0.001").original("0")
                .discount(101).stay(null, null).categories(Arrays.asList("beach", "sea  view"))
                .externalRef("x".repeat(65));

        assertViolations(() -> validate(broken),
                tuple("hotel_id", "required"), tuple("room_type", "required"),
                tuple("price_per_night", "too_many_decimals"), tuple("original_price", "must_be_positive"),
                tuple("discount_percent", "out_of_range"), tuple("checkin_date", "required"),
                tuple("checkout_date", "required"), tuple("categories[1]", "invalid_format"),
                tuple("external_ref", "too_long"));
    }

    @Test
    void reports_cross_field_rules_together_with_field_rules() {
        DealFixtures.DraftBuilder broken = draft().hotelId(0L).price("150").stay(JUNE_1, JUNE_1)
                .categories(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));

        assertViolations(() -> validate(broken),
                tuple("hotel_id", "out_of_range"), tuple("price_per_night", "price_above_original"),
                tuple("checkout_date", "checkout_not_after_checkin"), tuple("categories", "too_many"));
    }

    @Test
    void create_starts_at_the_initial_version_and_raises_created() {
        Change<Deal> created = Deal.create(ID, validate(draft()), CREATED);

        assertThat(created.after().version()).isEqualTo(Version.INITIAL);
        assertThat(created.after().createdAt()).isEqualTo(CREATED);
        assertThat(created.after().updatedAt()).isEqualTo(CREATED);
        assertThat(created.events()).containsExactly(new DealEvent.Created(ID, CREATED));
        assertThat(created.events().get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("deals.deal.created");
            assertThat(e.aggregateType()).isEqualTo("deal");
            assertThat(e.aggregateId()).isEqualTo(9L);
        });
    }

    @Test
    void delete_raises_deleted() {
        assertThat(deal().delete(NOW)).isEqualTo(new DealEvent.Deleted(ID, NOW));
        assertThat(deal().delete(NOW).type()).isEqualTo("deals.deal.deleted");
    }

    @Test
    void restore_keeps_what_storage_holds() {
        DealTerms terms = validate(draft());
        Deal restored = Deal.restore(ID, terms, new Version(4), CREATED, NOW);

        assertThat(restored.terms()).isEqualTo(terms);
        assertThat(restored.version()).isEqualTo(new Version(4));
        assertThat(restored.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void empty_patch_returns_the_same_deal_without_events() {
        assertUnchanged(deal.change(DealPatch.EMPTY, NOW));
    }

    @Test
    void patch_repeating_the_current_values_changes_nothing() {
        assertUnchanged(apply(patch().price("80").original("100.0").discount(20).roomType(" Double room ")
                .categories(List.of("FAMILY", "beach", "Beach")).externalRef("EXT-1 ").available(true)
                .hotelId(7L).checkin(JUNE_1)));
    }

    @Test
    void non_price_change_raises_only_updated_and_bumps_updated_at() {
        Change<Deal> change = apply(patch().roomType("Suite"));

        Deal after = change.after();
        assertThat(after.terms().roomType()).isEqualTo("Suite");
        assertThat(after.terms().pricePerNight()).isEqualTo(deal.terms().pricePerNight());
        assertThat(after.id()).isEqualTo(ID);
        assertThat(after.version()).isEqualTo(deal.version());
        assertThat(after.createdAt()).isEqualTo(CREATED);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(change.events()).containsExactly(new DealEvent.Updated(ID, NOW));
        assertThat(deal.terms().roomType()).as("the original is untouched").isEqualTo("Double room");
    }

    @Test
    void price_change_raises_updated_and_price_changed() {
        List<DomainEvent> events = apply(patch().price("70")).events();

        assertThat(events).containsExactly(new DealEvent.Updated(ID, NOW), new DealEvent.PriceChanged(ID, NOW));
        assertThat(events.get(1).type()).isEqualTo("deals.deal.price_changed");
    }

    @Test
    void discount_change_alone_raises_price_changed() {
        Change<Deal> change = apply(patch().discount(21));

        assertThat(change.after().terms().discount().value()).isEqualTo(21);
        assertThat(change.events()).containsExactly(new DealEvent.Updated(ID, NOW),
                new DealEvent.PriceChanged(ID, NOW));
    }

    @Test
    void price_change_without_discount_derives_the_discount_again() {
        Deal rounded = deal(draft().discount(19));

        assertThat(rounded.change(patch().price("50").build(), NOW).after().terms().discount().value())
                .isEqualTo(50);
        assertThat(rounded.change(patch().original("160").build(), NOW).after().terms().discount().value())
                .isEqualTo(50);
    }

    @Test
    void patch_setting_the_price_to_its_current_value_keeps_the_given_discount() {
        Deal rounded = deal(draft().discount(19));

        Change<Deal> change = rounded.change(patch().price("80.0").original("100").build(), NOW);

        assertThat(change.after()).isSameAs(rounded);
        assertThat(change.after().terms().discount().value()).isEqualTo(19);
    }

    @Test
    void price_change_keeps_a_given_discount_that_agrees() {
        assertThat(applied(patch().price("50").discount(49)).discount().value()).isEqualTo(49);
    }

    @Test
    void price_change_with_a_stale_discount_is_inconsistent() {
        assertViolations(() -> apply(patch().price("50").discount(20)),
                tuple("discount_percent", "inconsistent_discount"));
    }

    @Test
    void null_discount_is_derived_from_the_prices() {
        Deal rounded = deal(draft().discount(19));

        assertThat(rounded.change(patch().discount(null).build(), NOW).after().terms().discount().value())
                .isEqualTo(20);
    }

    @Test
    void null_on_required_fields_reports_each_as_required() {
        assertViolations(() -> apply(patch().hotelId(null).roomType(null).price(null).original(null)
                        .checkin(null).checkout(null).available(null)),
                tuple("hotel_id", "required"), tuple("room_type", "required"),
                tuple("price_per_night", "required"), tuple("original_price", "required"),
                tuple("checkin_date", "required"), tuple("checkout_date", "required"),
                tuple("is_available", "required"));
    }

    @Test
    void null_availability_is_required_even_alone() {
        assertViolations(() -> apply(patch().available(null)), tuple("is_available", "required"));
    }

    @Test
    void null_categories_clear_them() {
        assertThat(applied(patch().categories(null)).categories()).isEqualTo(Categories.NONE);
    }

    @Test
    void categories_replace_the_whole_set_normalized() {
        assertThat(applied(patch().categories(List.of(" Spa", "pool", "SPA"))).categories().values())
                .containsExactly("pool", "spa");
    }

    @Test
    void null_external_ref_removes_it() {
        Change<Deal> change = apply(patch().externalRef(null));

        assertThat(change.after().terms().externalRef()).isNull();
        assertThat(change.events()).containsExactly(new DealEvent.Updated(ID, NOW));
    }

    @Test
    void patch_checks_rules_across_patched_and_kept_fields() {
        assertViolations(() -> apply(patch().checkout(JUNE_1)),
                tuple("checkout_date", "checkout_not_after_checkin"));
        assertViolations(() -> apply(patch().original("79.99")),
                tuple("price_per_night", "price_above_original"));
    }

    @Test
    void patch_reports_every_invalid_field_at_once() {
        assertViolations(() -> apply(patch().price("-1").roomType("r".repeat(51))
                        .categories(Arrays.asList("ok", null)).externalRef(" ")),
                tuple("price_per_night", "must_be_positive"), tuple("room_type", "too_long"),
                tuple("categories[1]", "required"), tuple("external_ref", "required"));
    }
}
