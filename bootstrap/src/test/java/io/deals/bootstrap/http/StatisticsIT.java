package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.http.QueryDataSet.Deal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.deals.bootstrap.http.ListingIT.names;
import static io.deals.bootstrap.http.ListingIT.ok;
import static io.deals.bootstrap.http.QueryDataSet.CATEGORY_POOL;
import static io.deals.bootstrap.http.QueryDataSet.DEALS;
import static io.deals.bootstrap.http.QueryDataSet.PRICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * {@code GET /deals/stats} and {@code GET /categories} against a reference computation over the
 * seeded data set of {@link QueryDataSet}.
 */
class StatisticsIT extends ApiTestBase {

    /** One row of statistics, as the reference computes it. */
    record Row(String key, long count, BigDecimal avgPrice, BigDecimal minPrice, BigDecimal maxPrice,
               BigDecimal avgDiscount) {
    }

    /** A statistics request: its query, its group_by (what it means when absent), and its filter. */
    record Case(String query, String groupBy, Predicate<Deal> matches) {
    }

    private static final BigDecimal PRICE_CAP = PRICES.get(25);

    private static final List<Case> CASES = List.of(
            new Case("", "city", d -> true),
            new Case("group_by=city", "city", d -> true),
            new Case("group_by=country", "country", d -> true),
            new Case("group_by=category", "category", d -> true),
            new Case("group_by=star_rating", "star_rating", d -> true),
            new Case("country=france&available=true", "city",
                    d -> d.hotel().country().equals("France") && d.available()),
            // Hotels spell Paris two ways; the filter takes both, the groups keep the stored spelling.
            new Case("group_by=city&city=%20paris%20", "city", d -> d.hotel().city().equalsIgnoreCase("paris")),
            new Case("group_by=country&min_stars=3", "country", d -> d.hotel().stars() >= 3),
            // Deals having beach, grouped by every category they have.
            new Case("group_by=category&category=beach", "category", d -> d.categories().contains("beach")),
            new Case("group_by=category&hotel_id=103&discount_min=20", "category",
                    d -> d.hotel().id() == 103 && d.discount() >= 20),
            new Case("group_by=star_rating&price_max=" + PRICE_CAP + "&checkin_from=2027-04-01", "star_rating",
                    d -> d.price().compareTo(PRICE_CAP) <= 0
                            && !d.checkin().isBefore(LocalDate.parse("2027-04-01"))),
            new Case("group_by=country&available=false&max_stars=2", "country",
                    d -> !d.available() && d.hotel().stars() <= 2),
            new Case("group_by=city&checkin_from=2027-02-01&checkin_to=2027-02-10", "city",
                    d -> !d.checkin().isBefore(LocalDate.parse("2027-02-01"))
                            && !d.checkin().isAfter(LocalDate.parse("2027-02-10"))),
            new Case("group_by=star_rating&city=Atlantis", "star_rating", d -> false));

    @BeforeEach
    void loadDataSet() {
        QueryDataSet.load();
    }

    @TestFactory
    Stream<DynamicTest> statistics_equal_the_reference() {
        return CASES.stream().map(c -> dynamicTest("/deals/stats?" + c.query(), () -> check(c)));
    }

    @Test
    void the_cases_exercise_the_tie_break_on_the_key() {
        // Without two groups of the same size somewhere, "then key ascending" would go untested.
        assertThat(CASES.stream().anyMatch(c -> {
            List<Row> rows = expected(c.matches(), c.groupBy());
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).count() == rows.get(i - 1).count()) {
                    return true;
                }
            }
            return false;
        })).isTrue();
    }

    @Test
    void categories_are_listed_by_name_with_their_deal_counts() {
        Reply reply = ok("/categories");

        JsonNode items = reply.json().get("items");
        assertThat(names(reply.json())).containsExactly("items");
        List<String> names = new ArrayList<>();
        items.forEach(item -> {
            assertThat(names(item)).containsExactlyInAnyOrder("name", "deal_count");
            String name = item.get("name").asText();
            names.add(name);
            assertThat(item.get("deal_count").isIntegralNumber()).isTrue();
            assertThat(item.get("deal_count").asLong()).as(name)
                    .isEqualTo(DEALS.stream().filter(d -> d.categories().contains(name)).count());
        });
        assertThat(names).containsExactlyElementsOf(CATEGORY_POOL.stream().sorted().toList());
    }

    private static void check(Case c) {
        List<Row> expected = expected(c.matches(), c.groupBy());
        Reply reply = ok("/deals/stats" + (c.query().isEmpty() ? "" : "?" + c.query()));

        JsonNode rows = reply.json();
        assertThat(rows.isArray()).as(reply.text()).isTrue();
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(row.get(c.groupBy()).asText()));
        assertThat(keys).as("keys of %s", c.query())
                .containsExactlyElementsOf(expected.stream().map(Row::key).toList());
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.get(i);
            JsonNode row = rows.get(i);
            String as = c.query() + " row " + want.key();
            assertThat(names(row)).as(as).containsExactlyInAnyOrder(c.groupBy(), "deal_count", "avg_price",
                    "min_price", "max_price", "avg_discount");
            JsonNode key = row.get(c.groupBy());
            if (c.groupBy().equals("star_rating")) {
                assertThat(key.isIntegralNumber()).as(as).isTrue();
                assertThat(key.asInt()).as(as).isEqualTo(Integer.parseInt(want.key()));
            } else {
                assertThat(key.isTextual()).as(as).isTrue();
                assertThat(key.asText()).as(as).isEqualTo(want.key());
            }
            assertThat(row.get("deal_count").isIntegralNumber()).as(as).isTrue();
            assertThat(row.get("deal_count").asLong()).as(as).isEqualTo(want.count());
            assertDecimal(row.get("avg_price"), want.avgPrice(), 2, as + " avg_price");
            assertDecimal(row.get("min_price"), want.minPrice(), 2, as + " min_price");
            assertDecimal(row.get("max_price"), want.maxPrice(), 2, as + " max_price");
            assertDecimal(row.get("avg_discount"), want.avgDiscount(), 1, as + " avg_discount");
        }
    }

    private static void assertDecimal(JsonNode node, BigDecimal expected, int maxScale, String as) {
        assertThat(node.isNumber()).as(as).isTrue();
        assertThat(node.decimalValue()).as(as).isEqualByComparingTo(expected);
        assertThat(node.decimalValue().scale()).as("decimals of %s", as).isLessThanOrEqualTo(maxScale);
    }

    /** Groups, figures rounded half up, ordered by deal count descending, then key ascending. */
    static List<Row> expected(Predicate<Deal> filter, String groupBy) {
        Function<Deal, Stream<String>> keys = switch (groupBy) {
            case "city" -> d -> Stream.of(d.hotel().city());
            case "country" -> d -> Stream.of(d.hotel().country());
            case "category" -> d -> d.categories().stream();
            case "star_rating" -> d -> Stream.of(Integer.toString(d.hotel().stars()));
            default -> throw new IllegalArgumentException(groupBy);
        };
        Map<String, List<Deal>> groups = DEALS.stream().filter(filter)
                .flatMap(d -> keys.apply(d).map(key -> Map.entry(key, d)))
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return groups.entrySet().stream().map(group -> {
            List<Deal> deals = group.getValue();
            BigDecimal count = BigDecimal.valueOf(deals.size());
            BigDecimal sum = deals.stream().map(Deal::price).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal discounts = BigDecimal.valueOf(deals.stream().mapToLong(Deal::discount).sum());
            return new Row(group.getKey(), deals.size(), sum.divide(count, 2, RoundingMode.HALF_UP),
                    deals.stream().map(Deal::price).min(Comparator.naturalOrder()).orElseThrow(),
                    deals.stream().map(Deal::price).max(Comparator.naturalOrder()).orElseThrow(),
                    discounts.divide(count, 1, RoundingMode.HALF_UP));
        }).sorted(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::key)).toList();
    }
}
