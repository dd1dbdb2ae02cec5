package io.deals.domain.deal;

import io.deals.domain.shared.Change;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.DomainEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static io.deals.domain.deal.DealFixtures.draft;
import static io.deals.domain.deal.DealFixtures.patch;
import static org.assertj.core.api.Assertions.assertThat;

class DealPatchPropertyTest {

    private static final Set<String> PRICE_FIELDS = Set.of("price_per_night", "original_price", "discount_percent");

    /** Each field of the terms, by API name, as a plain value. */
    private static final Map<String, Function<DealTerms, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("hotel_id", t -> t.hotelId().value());
        FIELDS.put("room_type", DealTerms::roomType);
        FIELDS.put("price_per_night", t -> t.pricePerNight().amount());
        FIELDS.put("original_price", t -> t.originalPrice().amount());
        FIELDS.put("discount_percent", t -> t.discount().value());
        FIELDS.put("checkin_date", t -> t.stay().checkin());
        FIELDS.put("checkout_date", t -> t.stay().checkout());
        FIELDS.put("is_available", DealTerms::available);
        FIELDS.put("categories", t -> t.categories().values());
        FIELDS.put("external_ref", t -> t.externalRef() == null ? null : t.externalRef().value());
    }

    /** A deal, a patch setting one field of it to another valid value, and that value as FIELDS shows it. */
    record SingleFieldChange(Deal deal, String field, DealPatch patch, Object expected) {
        @Override
        public String toString() {
            return field + " := " + expected + " over " + deal.terms();
        }
    }

    private static final Arbitrary<String> ROOM_TYPES = Arbitraries.strings().withCharRange('a', 'z').withChars(' ')
            .ofMinLength(1).ofMaxLength(DealTerms.ROOM_TYPE_MAX).filter(s -> !s.isBlank());
    private static final Arbitrary<List<String>> CATEGORIES = Arbitraries.strings().withCharRange('a', 'z')
            .ofMinLength(1).ofMaxLength(6).list().ofMaxSize(10);
    private static final Arbitrary<String> EXTERNAL_REFS = Arbitraries.strings().withCharRange(' ', '~')
            .ofMinLength(1).ofMaxLength(64).filter(s -> !s.isBlank());

    @Provide
    Arbitrary<Deal> deals() {
        Arbitrary<LocalDate> checkins = Arbitraries.integers().between(0, 730)
                .map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
        Arbitrary<Integer> nights = Arbitraries.integers().between(1, Stay.MAX_NIGHTS);
        return Combinators.combine(Arbitraries.longs().between(1, 1000), ROOM_TYPES, givenOrDerived(Prices.valid()),
                        checkins, nights, Arbitraries.of(true, false), CATEGORIES, EXTERNAL_REFS.injectNull(0.3))
                .as((hotel, room, priced, in, n, available, categories, ref) -> DealFixtures.deal(priced
                        .hotelId(hotel).roomType(room).stay(in, in.plusDays(n)).available(available)
                        .categories(categories).externalRef(ref)));
    }

    /** Drafts with the prices set and the discount either omitted or any value the rule accepts. */
    private static Arbitrary<DealFixtures.DraftBuilder> givenOrDerived(Arbitrary<Prices> prices) {
        return prices.flatMap(p -> Arbitraries.of(p.agreeingDiscounts()).injectNull(0.5)
                .map(discount -> draft().price(p.price().toPlainString()).original(p.original().toPlainString())
                        .discount(discount)));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(1_735_689_600L, 1_893_456_000L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<SingleFieldChange> singleFieldChanges() {
        return deals().flatMap(deal -> Arbitraries.oneOf(changesOf(deal)));
    }

    private static List<Arbitrary<SingleFieldChange>> changesOf(Deal deal) {
        DealTerms t = deal.terms();
        long price = t.pricePerNight().amount().movePointRight(2).longValueExact();
        long original = t.originalPrice().amount().movePointRight(2).longValueExact();
        LocalDate in = t.stay().checkin();
        LocalDate out = t.stay().checkout();
        Changes change = new Changes(deal);

        List<Arbitrary<SingleFieldChange>> changes = new ArrayList<>(List.of(
                change.of("hotel_id", Arbitraries.longs().between(1, 1_000_000), v -> patch().hotelId(v), v -> v),
                change.of("room_type", ROOM_TYPES, v -> patch().roomType(v), String::strip),
                change.of("checkin_date", Arbitraries.integers().between(1, Stay.MAX_NIGHTS).map(out::minusDays),
                        v -> patch().checkin(v), v -> v),
                change.of("checkout_date", Arbitraries.integers().between(1, Stay.MAX_NIGHTS).map(in::plusDays),
                        v -> patch().checkout(v), v -> v),
                change.of("is_available", Arbitraries.just(!t.available()), v -> patch().available(v), v -> v),
                change.of("categories", CATEGORIES, v -> patch().categories(v),
                        v -> v.stream().distinct().sorted().toList()),
                change.of("external_ref", t.externalRef() == null ? EXTERNAL_REFS : EXTERNAL_REFS.injectNull(0.2),
                        v -> patch().externalRef(v), v -> v == null ? null : v.strip())));
        if (original > 1) {
            changes.add(change.of("price_per_night", Arbitraries.longs().between(1, original),
                    v -> patch().price(cents(v)), v -> BigDecimal.valueOf(v, 2)));
        }
        if (price < Prices.MAX_CENTS) {
            changes.add(change.of("original_price", Arbitraries.longs().between(price, Prices.MAX_CENTS),
                    v -> patch().original(cents(v)), v -> BigDecimal.valueOf(v, 2)));
        }
        List<Integer> otherDiscounts = new Prices(price, original).agreeingDiscounts().stream()
                .filter(d -> d != t.discount().value()).toList();
        if (!otherDiscounts.isEmpty()) {
            changes.add(change.of("discount_percent", Arbitraries.of(otherDiscounts), v -> patch().discount(v),
                    v -> v));
        }
        return changes;
    }

    private static String cents(long value) {
        return BigDecimal.valueOf(value, 2).toPlainString();
    }

    /** Builds the changes of one deal, leaving out generated values that equal the current one. */
    private record Changes(Deal deal) {
        <T> Arbitrary<SingleFieldChange> of(String field, Arbitrary<T> values,
                                            Function<T, DealFixtures.PatchBuilder> patch, Function<T, Object> shown) {
            Object current = FIELDS.get(field).apply(deal.terms());
            return values.filter(v -> !Objects.equals(shown.apply(v), current))
                    .map(v -> new SingleFieldChange(deal, field, patch.apply(v).build(), shown.apply(v)));
        }
    }

    @Property
    void empty_patch_changes_nothing(@ForAll("deals") Deal deal, @ForAll("instants") Instant now) {
        Change<Deal> change = deal.change(DealPatch.EMPTY, now);

        assertThat(change.after()).isSameAs(deal);
        assertThat(change.events()).isEmpty();
    }

    @Property
    void patch_restating_every_current_value_changes_nothing(@ForAll("deals") Deal deal,
                                                              @ForAll("instants") Instant now) {
        DealTerms t = deal.terms();
        DealPatch same = patch().hotelId(t.hotelId().value()).roomType(" " + t.roomType() + " ")
                .price(t.pricePerNight().amount().stripTrailingZeros().toPlainString())
                .original(t.originalPrice().amount().setScale(3).toPlainString())
                .discount(t.discount().value()).checkin(t.stay().checkin()).checkout(t.stay().checkout())
                .available(t.available()).categories(t.categories().values().stream().map(String::toUpperCase).toList())
                .externalRef(t.externalRef() == null ? null : t.externalRef().value()).build();

        Change<Deal> change = deal.change(same, now);

        assertThat(change.after()).isSameAs(deal);
        assertThat(change.events()).isEmpty();
    }

    @Property
    void setting_one_field_changes_only_that_field(@ForAll("singleFieldChanges") SingleFieldChange c,
                                                   @ForAll("instants") Instant now) {
        Deal before = c.deal();

        Change<Deal> change = before.change(c.patch(), now);

        Deal after = change.after();
        boolean priceChanged = c.field().equals("price_per_night") || c.field().equals("original_price");
        FIELDS.forEach((field, value) -> {
            Object expected = field.equals(c.field()) ? c.expected()
                    : priceChanged && field.equals("discount_percent") ? rederived(after.terms())
                    : value.apply(before.terms());
            assertThat(value.apply(after.terms())).as(field).isEqualTo(expected);
        });
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isEqualTo(now);
        List<DomainEvent> expectedEvents = PRICE_FIELDS.contains(c.field())
                ? List.of(new DealEvent.Updated(before.id(), now), new DealEvent.PriceChanged(before.id(), now))
                : List.of(new DealEvent.Updated(before.id(), now));
        assertThat(change.events()).isEqualTo(expectedEvents);

        Statistics.collect(c.field());
        Statistics.coverage(coverage -> FIELDS.keySet().forEach(field -> coverage.check(field).count(n -> n >= 20)));
    }

    /** The discount the oracle derives from the prices of these terms. */
    private static int rederived(DealTerms terms) {
        return new Prices(terms.pricePerNight().amount().movePointRight(2).longValueExact(),
                terms.originalPrice().amount().movePointRight(2).longValueExact()).roundedDiscount();
    }
}
