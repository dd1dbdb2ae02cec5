package io.deals.adapters.persistence.deal;

import com.google.inject.Injector;
import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.CountingDataSource;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.HotelSummary;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.hotelDetails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a page of deals, with their hotels and categories, is the same fixed number of SQL
 * statements whatever its size; counted at the JDBC {@code Connection} under the adapter.
 */
class DealListStatementsIT {

    private static final int[] LIMITS = {1, 20, 100};
    private static final List<String> CATEGORIES = List.of("beach", "city break", "family", "ski", "spa");

    private static final CountingDataSource DATABASE = new CountingDataSource(TestDatabase.dataSource());
    private static final Injector INJECTOR = PersistenceFixture.injector(DATABASE.dataSource());

    private static final List<HotelSummary> HOTELS = new ArrayList<>();
    private static final List<Seeded> SEEDED = new ArrayList<>();

    private final DealSearch deals = INJECTOR.getInstance(DealSearch.class);
    private final HotelSearch hotels = INJECTOR.getInstance(HotelSearch.class);
    private final TransactionRunner transactions = INJECTOR.getInstance(TransactionRunner.class);

    /** A deal as seeded, to tell what each page must hold. */
    private record Seeded(long id, HotelSummary hotel, BigDecimal price, List<String> categories) {
    }

    /** 3 hotels in 3 cities of 2 countries, and 120 deals among them, each with 1 to 3 categories. */
    @BeforeAll
    static void seed() {
        TestDatabase.reset();
        PersistenceFixture db = new PersistenceFixture();
        for (HotelDetails details : List.of(
                hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 5),
                hotelDetails("Casa do Rio", "Porto", "Portugal", "+351220000002", 4),
                hotelDetails("Hotel Sol", "Madrid", "Spain", "+34910000003", 3))) {
            Hotel hotel = db.addHotel(details);
            HOTELS.add(new HotelSummary(hotel.id().value(), details.name(), details.city(), details.country(),
                    details.starRating().value()));
        }
        for (int i = 0; i < 120; i++) {
            HotelSummary hotel = HOTELS.get(i % HOTELS.size());
            // Prices go up and down with i, so that price order is not id order.
            BigDecimal price = new BigDecimal(50 + (i * 37) % 120 + ".50");
            List<String> categories = new ArrayList<>();
            for (int k = 0; k <= i % 3; k++) {
                categories.add(CATEGORIES.get((i + 2 * k) % CATEGORIES.size()));
            }
            Deal deal = db.addDeal(draft(hotel.id()).prices(price.toPlainString(), "250.00")
                    .categories(categories.toArray(String[]::new)).externalRef("EXT-" + i).build());
            SEEDED.add(new Seeded(deal.id().value(), hotel, price, categories.stream().sorted().toList()));
        }
    }

    @AfterAll
    static void empty() {
        TestDatabase.reset();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("no filter", DealFilter.ALL),
                Arguments.of("a city", filter(" lisbon ", null)),
                Arguments.of("a category", filter(null, null, "spa")),
                Arguments.of("a country and two categories", filter(null, "Portugal", "spa", "family")),
                Arguments.of("a city and two categories", filter("Madrid", null, "Ski", "beach")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void an_offset_page_is_two_statements_whatever_its_size(String name, DealFilter filter) {
        DealSort byId = DealSort.DEFAULT;
        List<Seeded> matching = matching(filter, byId);
        for (int limit : LIMITS) {
            Counted<Page<DealView>> page = counted(() -> deals.list(filter, byId, new PageRequest(limit, 0, null, false)));

            assertThat(page.statements()).as("statements for a page of %d", limit).isEqualTo(2);
            assertHolds(page.result(), matching, 0, limit);
            assertThat(page.result().total()).isEqualTo(matching.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void a_keyset_page_without_its_total_is_one_statement_whatever_its_size(String name, DealFilter filter) {
        DealSort byPriceDown = new DealSort(DealSort.Key.PRICE_PER_NIGHT, true);
        List<Seeded> matching = matching(filter, byPriceDown);
        Seeded last = matching.get(2);
        Keyset after = new Keyset(last.price().toPlainString(), last.id());
        for (int limit : LIMITS) {
            Counted<Page<DealView>> page = counted(
                    () -> deals.list(filter, byPriceDown, new PageRequest(limit, 0, after, false)));

            assertThat(page.statements()).as("statements for a page of %d", limit).isEqualTo(1);
            assertHolds(page.result(), matching, 3, limit);
            assertThat(page.result().total()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void a_keyset_page_with_its_total_is_two_statements_whatever_its_size(String name, DealFilter filter) {
        DealSort byPrice = new DealSort(DealSort.Key.PRICE_PER_NIGHT, false);
        List<Seeded> matching = matching(filter, byPrice);
        Seeded last = matching.get(0);
        Keyset after = new Keyset(last.price().toPlainString(), last.id());
        for (int limit : LIMITS) {
            Counted<Page<DealView>> page = counted(
                    () -> deals.list(filter, byPrice, new PageRequest(limit, 0, after, true)));

            assertThat(page.statements()).as("statements for a page of %d", limit).isEqualTo(2);
            assertHolds(page.result(), matching, 1, limit);
            assertThat(page.result().total()).isEqualTo(matching.size());
        }
    }

    @Test
    void a_page_of_hotels_is_two_statements_by_offset_and_one_by_keyset_whatever_its_size() {
        for (HotelFilter filter : List.of(HotelFilter.ALL, new HotelFilter(null, "portugal", 4))) {
            List<HotelSummary> matching = HOTELS.stream()
                    .filter(h -> filter.country() == null || h.country().equalsIgnoreCase(filter.country()))
                    .filter(h -> filter.minStars() == null || h.starRating() >= filter.minStars())
                    .toList();
            for (int limit : LIMITS) {
                Counted<Page<HotelView>> byOffset =
                        counted(() -> hotels.list(filter, new PageRequest(limit, 0, null, false)));
                Keyset afterFirst = new Keyset(Long.toString(matching.get(0).id()), matching.get(0).id());
                Counted<Page<HotelView>> byKeyset = counted(
                        () -> hotels.list(filter, new PageRequest(limit, 0, afterFirst, false)));

                assertThat(byOffset.statements()).as("statements for a page of %d", limit).isEqualTo(2);
                assertThat(byOffset.result().items()).extracting(HotelView::name)
                        .containsExactlyElementsOf(names(matching.subList(0, Math.min(limit, matching.size()))));
                assertThat(byOffset.result().total()).isEqualTo(matching.size());
                assertThat(byKeyset.statements()).as("statements for a page of %d", limit).isEqualTo(1);
                assertThat(byKeyset.result().items()).extracting(HotelView::name)
                        .containsExactlyElementsOf(names(matching.subList(1, Math.min(1 + limit, matching.size()))));
                assertThat(byKeyset.result().total()).isNull();
            }
        }
    }

    // --- what a page must hold --------------------------------------------------------------

    private static DealFilter filter(String city, String country, String... categories) {
        return new DealFilter(city, country, null, null, null, null, null, null, null, List.of(categories), null, null);
    }

    /** The seeded deals the filter selects, in the sort's order (ties broken by id the same way). */
    private static List<Seeded> matching(DealFilter filter, DealSort sort) {
        Comparator<Seeded> order = switch (sort.key()) {
            case ID -> Comparator.comparingLong(Seeded::id);
            case PRICE_PER_NIGHT -> Comparator.comparing(Seeded::price).thenComparingLong(Seeded::id);
            default -> throw new IllegalArgumentException("not seeded to tell: " + sort);
        };
        List<Seeded> matching = SEEDED.stream()
                .filter(d -> filter.city() == null || d.hotel().city().equalsIgnoreCase(filter.city().strip()))
                .filter(d -> filter.country() == null || d.hotel().country().equalsIgnoreCase(filter.country().strip()))
                .filter(d -> filter.categories().isEmpty() || d.categories().stream().anyMatch(Set.copyOf(filter.categories())::contains))
                .sorted(sort.descending() ? order.reversed() : order)
                .toList();
        // Enough that a page of 20 is full, so that its statements are not counted over a trivial page.
        assertThat(matching).hasSizeGreaterThan(20 + 3);
        return matching;
    }

    /** The page holds the {@code limit} matching deals from {@code from} on, each with its hotel and categories. */
    private static void assertHolds(Page<DealView> page, List<Seeded> matching, int from, int limit) {
        List<Seeded> expected = matching.subList(from, Math.min(from + limit, matching.size()));
        assertThat(page.items()).extracting(DealView::id).containsExactlyElementsOf(expected.stream().map(Seeded::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            DealView item = page.items().get(i);
            assertThat(item.hotel()).as("hotel of deal %d", item.id()).isEqualTo(expected.get(i).hotel());
            assertThat(item.categories()).as("categories of deal %d", item.id())
                    .isNotEmpty().containsExactlyElementsOf(expected.get(i).categories());
            assertThat(item.pricePerNight()).isEqualByComparingTo(expected.get(i).price());
        }
        assertThat(page.next() != null).as("a next page").isEqualTo(from + limit < matching.size());
    }

    private static List<String> names(List<HotelSummary> hotels) {
        return hotels.stream().map(HotelSummary::name).toList();
    }

    // --- counting statements ----------------------------------------------------------------

    private record Counted<T>(T result, int statements) {
    }

    /** The work's result and the statements it prepared, inside one transaction as the query services run it. */
    private <T> Counted<T> counted(Supplier<T> work) {
        return transactions.inTransaction(() -> {
            int before = DATABASE.statements();
            T result = work.get();
            return new Counted<>(result, DATABASE.statements() - before);
        });
    }
}
