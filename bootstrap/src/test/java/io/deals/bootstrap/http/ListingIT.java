package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.ServerSecret;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.http.QueryDataSet.Deal;
import io.deals.bootstrap.http.QueryDataSet.Hotel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.deals.bootstrap.http.QueryDataSet.DEALS;
import static io.deals.bootstrap.http.QueryDataSet.HOTELS;
import static io.deals.bootstrap.http.QueryDataSet.PRICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * {@code GET /deals} and {@code GET /hotels} against a reference computation: a seeded data set
 * written straight into the tables, the expected answers computed from the same data in plain
 * Java, compared with what the running server answers over HTTP, page by page.
 */
class ListingIT extends ApiTestBase {

    /** The smallest page size of a walk, and the page size of most other requests. */
    private static final int LIMIT = 7;
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_.~-]+");

    /** A filter as a query string, and the same filter as a predicate over the reference data. */
    record Filter(String name, String query, Predicate<Deal> matches) {
    }

    /** A sort as the API names it ("" for the default), and the order it must produce. */
    record Sort(String param, Comparator<Deal> order) {

        String label() {
            return param.isEmpty() ? "(default)" : param;
        }
    }

    private static final LocalDate CHECKIN_FROM;
    private static final LocalDate CHECKIN_TO;

    static {
        List<LocalDate> checkins = DEALS.stream().map(Deal::checkin).distinct().sorted().toList();
        CHECKIN_FROM = checkins.get(checkins.size() / 4);
        CHECKIN_TO = checkins.get(checkins.size() / 2);
    }

    private static final Filter NONE = new Filter("no filter", "", d -> true);
    private static final Filter CITY = new Filter("city in another case with spaces", "city=%20paris%20",
            d -> d.hotel().city().equalsIgnoreCase("paris"));
    private static final Filter ANY_CATEGORY = new Filter("categories, any of", "category=spa&category=city+break",
            d -> d.categories().contains("spa") || d.categories().contains("city break"));
    private static final Filter COMBINED = new Filter("country, stars, availability and a price cap",
            "country=France&min_stars=2&available=true&price_max=" + PRICES.get(30),
            d -> d.hotel().country().equals("France") && d.hotel().stars() >= 2 && d.available()
                    && d.price().compareTo(PRICES.get(30)) <= 0);

    private static final List<Filter> FILTERS = List.of(
            NONE,
            CITY,
            new Filter("city exact", "city=Lyon", d -> d.hotel().city().equals("Lyon")),
            new Filter("country in upper case", "country=PORTUGAL", d -> d.hotel().country().equals("Portugal")),
            new Filter("hotel_id", "hotel_id=104", d -> d.hotel().id() == 104),
            new Filter("min_stars", "min_stars=4", d -> d.hotel().stars() >= 4),
            new Filter("max_stars", "max_stars=2", d -> d.hotel().stars() <= 2),
            new Filter("min_stars and max_stars", "min_stars=3&max_stars=3", d -> d.hotel().stars() == 3),
            new Filter("price range, both bounds present in the data",
                    "price_min=" + PRICES.get(8) + "&price_max=" + PRICES.get(25),
                    d -> d.price().compareTo(PRICES.get(8)) >= 0 && d.price().compareTo(PRICES.get(25)) <= 0),
            new Filter("price_min only, written with more decimals", "price_min=" + PRICES.get(30) + "000",
                    d -> d.price().compareTo(PRICES.get(30)) >= 0),
            new Filter("price_max only, whole and present in the data", "price_max=99",
                    d -> d.price().compareTo(new BigDecimal("99.00")) <= 0),
            new Filter("discount_min", "discount_min=30", d -> d.discount() >= 30),
            new Filter("discount_min=0", "discount_min=0", d -> true),
            new Filter("available=true", "available=true", Deal::available),
            new Filter("available=false", "available=false", d -> !d.available()),
            new Filter("one category", "category=beach", d -> d.categories().contains("beach")),
            ANY_CATEGORY,
            new Filter("checkin range, inclusive", "checkin_from=" + CHECKIN_FROM + "&checkin_to=" + CHECKIN_TO,
                    d -> !d.checkin().isBefore(CHECKIN_FROM) && !d.checkin().isAfter(CHECKIN_TO)),
            new Filter("checkin_from only", "checkin_from=" + CHECKIN_TO, d -> !d.checkin().isBefore(CHECKIN_TO)),
            new Filter("checkin_to only", "checkin_to=" + CHECKIN_FROM, d -> !d.checkin().isAfter(CHECKIN_FROM)),
            COMBINED,
            new Filter("city, categories, discount and checkin",
                    "city=LISBON&category=beach&category=family&discount_min=10&checkin_from=" + CHECKIN_FROM,
                    d -> d.hotel().city().equals("Lisbon")
                            && (d.categories().contains("beach") || d.categories().contains("family"))
                            && d.discount() >= 10 && !d.checkin().isBefore(CHECKIN_FROM)),
            new Filter("hotel, unavailable, checkin_to", "hotel_id=106&available=false&checkin_to=" + CHECKIN_TO,
                    d -> d.hotel().id() == 106 && !d.available() && !d.checkin().isAfter(CHECKIN_TO)),
            new Filter("nothing matches", "city=Atlantis", d -> false));

    private static final List<Sort> SORTS = sorts();

    private static List<Sort> sorts() {
        Map<String, Comparator<Deal>> keys = Map.of(
                "id", Comparator.comparingLong(Deal::id),
                "price_per_night", Comparator.comparing(Deal::price),
                "discount_percent", Comparator.comparingInt(Deal::discount),
                "checkin_date", Comparator.comparing(Deal::checkin),
                "created_at", Comparator.comparing(Deal::createdAt));
        List<Sort> sorts = new ArrayList<>();
        sorts.add(new Sort("", Comparator.comparingLong(Deal::id)));
        for (String key : List.of("id", "price_per_night", "discount_percent", "checkin_date", "created_at")) {
            Comparator<Deal> ascending = keys.get(key).thenComparingLong(Deal::id);
            sorts.add(new Sort(key, ascending));
            sorts.add(new Sort("-" + key, ascending.reversed()));
        }
        return List.copyOf(sorts);
    }

    @BeforeEach
    void loadDataSet() {
        QueryDataSet.load();
    }

    // ---------------------------------------------------------------- filters × sorts, every page

    @TestFactory
    Stream<DynamicTest> every_sort_in_both_directions_pages_through_exactly_the_expected_deals() {
        return Stream.of(NONE, CITY, ANY_CATEGORY, COMBINED).flatMap(filter -> SORTS.stream()
                .filter(sort -> filter == NONE || !sort.param().isEmpty())
                .map(sort -> dynamicTest(filter.name() + ", sort " + sort.label(),
                        () -> checkListing(filter, sort, 10))));
    }

    @TestFactory
    Stream<DynamicTest> every_filter_pages_through_exactly_the_expected_deals() {
        List<Sort> two = SORTS.stream().filter(s -> s.param().equals("price_per_night")
                || s.param().equals("-discount_percent")).toList();
        return FILTERS.stream().flatMap(filter -> two.stream()
                .map(sort -> dynamicTest(filter.name() + ", sort " + sort.label(),
                        () -> checkListing(filter, sort, 4))));
    }

    @Test
    void the_data_set_exercises_ties_and_every_filter_selects_something_but_not_everything() {
        // Guards the reference data itself: without ties the id tie-break would go untested.
        assertThat(DEALS.stream().map(Deal::price).distinct().count()).isLessThan(DEALS.size() / 5);
        assertThat(DEALS.stream().map(Deal::checkin).distinct().count()).isLessThan(DEALS.size());
        assertThat(DEALS.stream().map(Deal::createdAt).distinct().count()).isEqualTo(DEALS.size());
        for (Filter filter : FILTERS) {
            long selected = DEALS.stream().filter(filter.matches()).count();
            if (filter.name().equals("nothing matches")) {
                assertThat(selected).isZero();
            } else if (filter.query().isEmpty() || filter.query().equals("discount_min=0")) {
                assertThat(selected).isEqualTo(DEALS.size());
            } else {
                assertThat(selected).as(filter.name()).isBetween(1L, DEALS.size() - 1L);
            }
        }
        assertThat(DEALS.stream().filter(d -> d.hotel().city().equals("PARIS")).count()).isPositive();
        assertThat(DEALS.stream().filter(d -> d.hotel().city().equals("Paris")).count()).isPositive();
        assertThat(DEALS.stream().filter(d -> d.price().equals(PRICES.get(8))).count()).isPositive();
        assertThat(DEALS.stream().filter(d -> d.checkin().equals(CHECKIN_FROM)).count()).isPositive();
    }

    /** Walks the listing in about {@code pages} pages (of {@value #LIMIT} deals or more), then an offset page. */
    private static void checkListing(Filter filter, Sort sort, int pages) {
        List<Long> expected = DEALS.stream().filter(filter.matches()).sorted(sort.order()).map(Deal::id).toList();
        String query = join(filter.query(), sort.param().isEmpty() ? "" : "sort=" + sort.param());

        walkByCursor("/deals", query, expected, Math.max(LIMIT, (expected.size() + pages - 1) / pages));

        // An offset page in the middle is the same slice of the expected list.
        int offset = expected.size() / 2;
        Reply middle = ok("/deals?" + join(query, "limit=" + LIMIT, "offset=" + offset));
        List<Long> slice = expected.subList(offset, Math.min(expected.size(), offset + LIMIT));
        assertThat(ids(middle)).as("offset %d of %s", offset, query).containsExactlyElementsOf(slice);
        JsonNode page = middle.json().get("page");
        assertThat(page.get("offset").asInt()).isEqualTo(offset);
        assertThat(page.get("total").asLong()).isEqualTo(expected.size());
        assertThat(page.get("next_cursor").isNull()).isEqualTo(offset + LIMIT >= expected.size());
        assertThat(middle.header("Link") == null).isEqualTo(offset + LIMIT >= expected.size());
    }

    /**
     * The first page (offset mode, with the total), then every following page by its cursor,
     * alternately by the {@code Link} header's URL and by {@code next_cursor} added to the query.
     */
    private static void walkByCursor(String path, String query, List<Long> expected, int limit) {
        String firstPage = path + "?" + join(query, "limit=" + limit);
        Reply current = ok(firstPage);
        JsonNode page = current.json().get("page");
        assertThat(names(page)).as(firstPage).containsExactlyInAnyOrder("limit", "offset", "total", "next_cursor");
        assertThat(page.get("limit").asInt()).isEqualTo(limit);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("total").asLong()).as("total of %s", firstPage).isEqualTo(expected.size());

        List<Long> seen = new ArrayList<>(ids(current));
        for (int pages = 1; ; pages++) {
            JsonNode next = current.json().get("page").get("next_cursor");
            if (next.isNull()) {
                assertThat(current.header("Link")).as("Link of the last page of %s", firstPage).isNull();
                break;
            }
            assertThat(ids(current)).as("a page of %s that has a next one", firstPage).hasSize(limit);
            String cursor = next.asText();
            assertThat(cursor).matches(URL_SAFE);
            String link = linkTarget(current);
            assertThat(link).startsWith(path + "?").contains("cursor=" + cursor).doesNotContain("offset=");
            String url = pages % 2 == 1 ? link : path + "?" + join(query, "limit=" + limit, "cursor=" + cursor);
            current = ok(url);
            page = current.json().get("page");
            assertThat(names(page)).as("page of %s", url).containsExactlyInAnyOrder("limit", "next_cursor");
            assertThat(ids(current)).as("a page reached by a cursor: %s", url).isNotEmpty();
            seen.addAll(ids(current));
            assertThat(pages).as("pages of %s", firstPage).isLessThan(expected.size() + 2);
        }
        assertThat(seen).as("every page of %s", firstPage).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- the items and the page

    @Test
    void each_item_embeds_its_hotel_and_its_sorted_categories() {
        Deal deal = DEALS.stream().filter(d -> d.categories().size() == 3 && d.externalRef() != null)
                .findFirst().orElseThrow();
        Deal bare = DEALS.stream().filter(d -> d.categories().isEmpty() && d.externalRef() == null)
                .findFirst().orElseThrow();

        Reply listed = ok("/deals?hotel_id=" + deal.hotel().id() + "&limit=100");
        JsonNode item = item(listed, deal.id());
        assertThat(names(item)).containsExactlyInAnyOrder("id", "external_ref", "hotel", "room_type", "price_per_night",
                "original_price", "discount_percent", "checkin_date", "checkout_date", "nights", "is_available",
                "categories", "version", "created_at", "updated_at");
        assertThat(item.get("external_ref").asText()).isEqualTo(deal.externalRef());
        JsonNode hotel = item.get("hotel");
        assertThat(names(hotel)).containsExactlyInAnyOrder("id", "name", "city", "country", "star_rating");
        assertThat(hotel.get("id").asLong()).isEqualTo(deal.hotel().id());
        assertThat(hotel.get("name").asText()).isEqualTo(deal.hotel().name());
        assertThat(hotel.get("city").asText()).isEqualTo(deal.hotel().city());
        assertThat(hotel.get("country").asText()).isEqualTo(deal.hotel().country());
        assertThat(hotel.get("star_rating").isIntegralNumber()).isTrue();
        assertThat(hotel.get("star_rating").asInt()).isEqualTo(deal.hotel().stars());
        assertThat(item.get("room_type").asText()).isEqualTo(deal.roomType());
        assertThat(item.get("price_per_night").isNumber()).isTrue();
        assertThat(item.get("price_per_night").decimalValue()).isEqualByComparingTo(deal.price());
        assertThat(item.get("original_price").decimalValue()).isEqualByComparingTo(deal.original());
        assertThat(item.get("discount_percent").asInt()).isEqualTo(deal.discount());
        assertThat(item.get("checkin_date").asText()).isEqualTo(deal.checkin().toString());
        assertThat(item.get("checkout_date").asText()).isEqualTo(deal.checkout().toString());
        assertThat(item.get("nights").asInt()).isEqualTo(deal.nights());
        assertThat(item.get("is_available").asBoolean()).isEqualTo(deal.available());
        assertThat(strings(item.get("categories"))).containsExactlyElementsOf(deal.categories()).isSorted();
        assertThat(item.get("version").asLong()).isEqualTo(1);
        assertThat(item.get("created_at").asText())
                .isEqualTo(deal.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());

        JsonNode bareItem = item(ok("/deals?hotel_id=" + bare.hotel().id() + "&limit=100"), bare.id());
        assertThat(bareItem.get("categories").isArray()).isTrue();
        assertThat(bareItem.get("categories")).isEmpty();
        assertThat(bareItem.get("external_ref").isNull()).isTrue();

        // The listing shows a deal as its own resource does.
        Reply single = ok("/deals/" + deal.id());
        assertThat(single.json()).isEqualTo(item);
    }

    @Test
    void without_a_limit_a_page_holds_twenty_deals() {
        Reply first = ok("/deals");

        assertThat(ids(first)).containsExactlyElementsOf(
                DEALS.stream().map(Deal::id).sorted().limit(20).toList());
        assertThat(first.json().get("page").get("limit").asInt()).isEqualTo(20);
        assertThat(first.json().get("page").get("total").asLong()).isEqualTo(DEALS.size());
    }

    @Test
    void a_cursor_page_has_a_total_only_when_asked_for_with_include_total() {
        List<Long> expected = DEALS.stream().filter(CITY.matches()).sorted(Comparator.comparing(Deal::price)
                .thenComparingLong(Deal::id)).map(Deal::id).toList();
        String query = CITY.query() + "&sort=price_per_night&limit=" + LIMIT;
        String cursor = ok("/deals?" + query).json().get("page").get("next_cursor").asText();

        JsonNode without = ok("/deals?" + query + "&cursor=" + cursor).json().get("page");
        Reply withTotal = ok("/deals?" + query + "&include_total=true&cursor=" + cursor);
        JsonNode with = withTotal.json().get("page");
        Reply explicitlyNot = ok("/deals?" + query + "&include_total=false&cursor=" + cursor);

        assertThat(without.has("total")).isFalse();
        assertThat(without.has("offset")).isFalse();
        assertThat(explicitlyNot.json().get("page").has("total")).isFalse();
        assertThat(with.get("total").asLong()).isEqualTo(expected.size());
        assertThat(with.has("offset")).isFalse();
        assertThat(ids(withTotal)).containsExactlyElementsOf(expected.subList(LIMIT, 2 * LIMIT));
        // The Link of a page asked with include_total keeps asking for it.
        assertThat(linkTarget(withTotal)).contains("include_total=true");
        assertThat(ok(linkTarget(withTotal)).json().get("page").get("total").asLong()).isEqualTo(expected.size());
    }

    @Test
    void a_cursor_may_be_followed_with_another_limit() {
        List<Long> expected = DEALS.stream().sorted(Comparator.comparing(Deal::checkin).thenComparingLong(Deal::id)
                .reversed()).map(Deal::id).toList();
        String cursor = ok("/deals?sort=-checkin_date&limit=5").json().get("page").get("next_cursor").asText();

        Reply next = ok("/deals?sort=-checkin_date&limit=30&cursor=" + cursor);

        assertThat(ids(next)).containsExactlyElementsOf(expected.subList(5, 35));
        assertThat(next.json().get("page").get("limit").asInt()).isEqualTo(30);
    }

    @Test
    void offset_pages_reach_the_end_and_beyond() {
        List<Long> all = DEALS.stream().map(Deal::id).sorted().toList();

        Reply last = ok("/deals?limit=" + LIMIT + "&offset=" + (all.size() - 3));
        Reply beyond = ok("/deals?limit=" + LIMIT + "&offset=" + all.size());
        Reply deepest = ok("/deals?limit=100&offset=100000");

        assertThat(ids(last)).containsExactlyElementsOf(all.subList(all.size() - 3, all.size()));
        assertThat(last.json().get("page").get("next_cursor").isNull()).isTrue();
        assertThat(last.header("Link")).isNull();
        for (Reply empty : List.of(beyond, deepest)) {
            assertThat(ids(empty)).isEmpty();
            assertThat(empty.json().get("page").get("total").asLong()).isEqualTo(all.size());
            assertThat(empty.json().get("page").get("next_cursor").isNull()).isTrue();
            assertThat(empty.header("Link")).isNull();
        }
        // A cursor taken from an offset page continues right after it.
        Reply middle = ok("/deals?limit=" + LIMIT + "&offset=100");
        Reply after = ok(linkTarget(middle));
        assertThat(ids(after)).containsExactlyElementsOf(all.subList(100 + LIMIT, 100 + 2 * LIMIT));
    }

    // ---------------------------------------------------------------- hotels

    record HotelFilter(String query, Predicate<Hotel> matches) {
    }

    @TestFactory
    Stream<DynamicTest> hotels_are_filtered_and_paged_like_deals() {
        return Stream.of(
                new HotelFilter("", h -> true),
                new HotelFilter("city=%20paris%20", h -> h.city().equalsIgnoreCase("paris")),
                new HotelFilter("city=PARIS", h -> h.city().equalsIgnoreCase("paris")),
                new HotelFilter("country=portugal", h -> h.country().equals("Portugal")),
                new HotelFilter("min_stars=4", h -> h.stars() >= 4),
                new HotelFilter("country=%20France&min_stars=2", h -> h.country().equals("France") && h.stars() >= 2),
                new HotelFilter("city=tokyo&min_stars=5", h -> h.city().equals("Tokyo") && h.stars() == 5),
                new HotelFilter("city=Atlantis", h -> false)
        ).map(filter -> dynamicTest("/hotels?" + filter.query(), () -> {
            List<Hotel> expected = HOTELS.stream().filter(filter.matches()).toList();
            List<Long> expectedIds = expected.stream().map(Hotel::id).toList();
            walkHotels(filter.query(), expectedIds);

            Reply all = ok("/hotels?" + join(filter.query(), "limit=100"));
            assertThat(all.json().get("page").get("total").asLong()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode item = all.json().get("items").get(i);
                Hotel hotel = expected.get(i);
                assertThat(item.get("id").asLong()).isEqualTo(hotel.id());
                assertThat(item.get("name").asText()).isEqualTo(hotel.name());
                assertThat(item.get("city").asText()).isEqualTo(hotel.city());
                assertThat(item.get("country").asText()).isEqualTo(hotel.country());
                assertThat(item.get("phone").asText()).isEqualTo(hotel.phone());
                assertThat(item.get("star_rating").asInt()).isEqualTo(hotel.stars());
                assertThat(item.get("version").asLong()).isEqualTo(1);
                assertThat(item.get("created_at").asText()).isEqualTo(hotel.createdAt().toString());
            }
            if (expected.size() > 3) {
                Reply middle = ok("/hotels?" + join(filter.query(), "limit=2", "offset=2"));
                assertThat(ids(middle)).containsExactlyElementsOf(expectedIds.subList(2, 4));
                assertThat(middle.json().get("page").get("total").asLong()).isEqualTo(expected.size());
            }
        }));
    }

    private static void walkHotels(String query, List<Long> expected) {
        String firstPage = "/hotels?" + join(query, "limit=3");
        Reply current = ok(firstPage);
        assertThat(current.json().get("page").get("total").asLong()).isEqualTo(expected.size());
        List<Long> seen = new ArrayList<>(ids(current));
        for (int pages = 1; ; pages++) {
            JsonNode next = current.json().get("page").get("next_cursor");
            if (next.isNull()) {
                assertThat(current.header("Link")).isNull();
                break;
            }
            String url = pages % 2 == 1 ? linkTarget(current)
                    : "/hotels?" + join(query, "limit=3", "cursor=" + next.asText());
            current = ok(url);
            assertThat(current.json().get("page").has("total")).isFalse();
            seen.addAll(ids(current));
            assertThat(pages).isLessThan(20);
        }
        assertThat(seen).as(firstPage).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- bad requests and bad cursors

    @Test
    void a_bad_query_parameter_answers_400_naming_it() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/deals?colour=red", "colour:unknown_parameter");
        bad.put("/deals?limit=0", "limit");
        bad.put("/deals?limit=101", "limit");
        bad.put("/deals?limit=ten", "limit");
        bad.put("/deals?offset=-1", "offset");
        bad.put("/deals?offset=100001", "offset");
        bad.put("/deals?min_stars=6", "min_stars");
        bad.put("/deals?max_stars=0", "max_stars");
        bad.put("/deals?min_stars=4&max_stars=3", "min_stars");
        bad.put("/deals?hotel_id=0", "hotel_id");
        bad.put("/deals?price_min=abc", "price_min");
        bad.put("/deals?price_max=-1", "price_max");
        bad.put("/deals?price_min=200&price_max=100", "price_min");
        bad.put("/deals?discount_min=101", "discount_min");
        bad.put("/deals?available=yes", "available");
        bad.put("/deals?include_total=1", "include_total");
        bad.put("/deals?checkin_from=2027-13-01", "checkin_from");
        bad.put("/deals?checkin_from=2027-06-01&checkin_to=2027-05-01", "checkin_from");
        bad.put("/deals?sort=name", "sort");
        bad.put("/deals?sort=-", "sort");
        bad.put("/deals?sort=%20price_per_night", "sort");
        bad.put("/deals?city=Paris&city=Lyon", "city:repeated");
        bad.put("/deals?city=%20", "city");
        bad.put("/deals/stats?group_by=hotel", "group_by");
        bad.put("/deals/stats?limit=5", "limit:unknown_parameter");
        bad.put("/deals/stats?min_stars=6", "min_stars");
        bad.put("/hotels?min_stars=6", "min_stars");
        bad.put("/hotels?max_stars=2", "max_stars:unknown_parameter");
        bad.put("/hotels?limit=101", "limit");
        bad.put("/categories?limit=5", "limit:unknown_parameter");

        bad.forEach((path, detail) -> {
            Reply refused = assertError(api.get(path), 400, "BAD_REQUEST");
            if (detail.contains(":")) {
                assertThat(refused.details()).as(path).contains(detail);
            } else {
                assertThat(refused.details()).as(path).anyMatch(d -> d.startsWith(detail + ":"));
            }
            assertThat(refused.error().get("message").asText()).as(path).contains(detail.split(":")[0]);
        });
    }

    @Test
    void every_bad_parameter_is_named_at_once() {
        Reply refused = assertError(api.get("/deals?limit=0&min_stars=9&available=maybe&bogus=1&sort=name"), 400,
                "BAD_REQUEST");

        assertThat(refused.details().stream().map(d -> d.split(":")[0]))
                .contains("limit", "min_stars", "available", "bogus", "sort");
    }

    @Test
    void offset_together_with_cursor_answers_400() {
        String cursor = firstCursor("/deals?limit=" + LIMIT);

        Reply refused = assertError(api.get("/deals?limit=" + LIMIT + "&offset=0&cursor=" + cursor), 400,
                "BAD_REQUEST");

        assertThat(refused.details()).anyMatch(d -> d.startsWith("offset:"));
        assertError(api.get("/hotels?limit=3&offset=3&cursor=" + firstCursor("/hotels?limit=3")), 400, "BAD_REQUEST");
    }

    @Test
    void a_tampered_cursor_answers_400_invalid_cursor_whichever_character_was_changed() {
        String query = "/deals?sort=price_per_night&limit=" + LIMIT;
        String cursor = firstCursor(query);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < cursor.length(); i++) {
            int index = alphabet.indexOf(cursor.charAt(i));
            // The '.' between payload and signature becomes a letter; a Base64 character gets its
            // lowest bit flipped, the subtlest change (in a last character, possibly an unused bit).
            char replacement = index < 0 ? 'A' : alphabet.charAt(index ^ 1);
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            Reply reply = api.get(query + "&cursor=" + tampered);
            if (reply.status() == 200) {
                accepted.add("position " + i + " '" + cursor.charAt(i) + "'->'" + replacement + "'");
            } else {
                assertError(reply, 400, "INVALID_CURSOR");
            }
        }
        assertThat(accepted).as("tampered cursors the server accepted (issued: %s)", cursor).isEmpty();

        assertError(api.get(query + "&cursor=" + cursor.substring(0, cursor.length() - 1)), 400, "INVALID_CURSOR");
        assertError(api.get(query + "&cursor=" + cursor + "A"), 400, "INVALID_CURSOR");
        assertError(api.get(query + "&cursor=" + cursor + "."), 400, "INVALID_CURSOR");
        // Padding is not part of the form the server issues.
        String[] parts = cursor.split("\\.");
        assertError(api.get(query + "&cursor=" + parts[0] + "%3D." + parts[1]), 400, "INVALID_CURSOR");
        assertError(api.get(query + "&cursor=" + parts[0] + "." + parts[1] + "%3D"), 400, "INVALID_CURSOR");
        // A flipped bit in the middle of either part.
        for (int i : new int[]{parts[0].length() / 2, parts[0].length() + 1 + parts[1].length() / 2}) {
            int index = alphabet.indexOf(cursor.charAt(i));
            String tampered = cursor.substring(0, i) + alphabet.charAt(index ^ 32) + cursor.substring(i + 1);
            assertError(api.get(query + "&cursor=" + tampered), 400, "INVALID_CURSOR");
        }
    }

    @Test
    void a_garbage_cursor_answers_400_invalid_cursor() {
        for (String garbage : List.of("abc", "abc.def", ".", "a.b.c", "%25%25", "eyJrIjoxfQ", "AAAA.AAAA")) {
            assertError(api.get("/deals?cursor=" + garbage), 400, "INVALID_CURSOR");
            assertError(api.get("/hotels?cursor=" + garbage), 400, "INVALID_CURSOR");
        }
    }

    @Test
    void a_cursor_reused_with_other_filters_or_another_sort_answers_400_invalid_cursor() {
        String query = "city=paris&sort=-price_per_night&limit=" + LIMIT;
        String cursor = firstCursor("/deals?" + query);

        ok("/deals?" + query + "&cursor=" + cursor);
        for (String other : List.of(
                "city=lyon&sort=-price_per_night",
                "sort=-price_per_night",
                "city=paris",
                "city=paris&sort=price_per_night",
                "city=paris&sort=-discount_percent",
                "city=paris&sort=-price_per_night&available=true",
                "city=paris&sort=-price_per_night&category=beach",
                "city=paris&sort=-price_per_night&price_min=0")) {
            assertError(api.get("/deals?" + other + "&limit=" + LIMIT + "&cursor=" + cursor), 400, "INVALID_CURSOR");
        }
        // Nor does a deals cursor open a page of hotels, or the other way round.
        assertError(api.get("/hotels?limit=3&cursor=" + firstCursor("/deals?limit=3")), 400, "INVALID_CURSOR");
        assertError(api.get("/deals?limit=3&cursor=" + firstCursor("/hotels?limit=3")), 400, "INVALID_CURSOR");
        assertError(api.get("/hotels?city=lyon&limit=1&cursor=" + firstCursor("/hotels?limit=1")), 400,
                "INVALID_CURSOR");
    }

    @Test
    void a_cursor_survives_a_restart_with_the_same_key_and_is_refused_under_another_key() {
        List<Long> expected = DEALS.stream().sorted(Comparator.comparing(Deal::createdAt).thenComparingLong(Deal::id)
                .reversed()).map(Deal::id).toList();
        String query = "/deals?sort=-created_at&limit=" + LIMIT;
        byte[] key = ServerSecret.random();

        String cursor;
        try (DealsServer first = DealsServer.start(TestDatabase.dataSource(), 0, key.clone())) {
            cursor = new Api(first.port()).anonymous().get(query).json().get("page").get("next_cursor").asText();
        }
        try (DealsServer restarted = DealsServer.start(TestDatabase.dataSource(), 0, key.clone())) {
            Reply next = new Api(restarted.port()).anonymous().get(query + "&cursor=" + cursor);
            assertThat(next.status()).as(next.text()).isEqualTo(200);
            assertThat(ids(next)).containsExactlyElementsOf(expected.subList(LIMIT, 2 * LIMIT));
        }
        try (DealsServer otherKey = DealsServer.start(TestDatabase.dataSource(), 0, ServerSecret.random())) {
            assertError(new Api(otherKey.port()).anonymous().get(query + "&cursor=" + cursor), 400, "INVALID_CURSOR");
        }
        assertError(api.get(query + "&cursor=" + cursor), 400, "INVALID_CURSOR");
    }

    // ---------------------------------------------------------------- helpers

    static Reply ok(String path) {
        Reply reply = api.get(path);
        assertThat(reply.status()).as("GET %s -> %s", path, reply.text()).isEqualTo(200);
        return reply;
    }

    private static String firstCursor(String path) {
        JsonNode next = ok(path).json().get("page").get("next_cursor");
        assertThat(next.isNull()).as("next_cursor of %s", path).isFalse();
        return next.asText();
    }

    private static String linkTarget(Reply reply) {
        String link = reply.header("Link");
        assertThat(link).as("Link header").isNotNull();
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.matches()).as("Link header %s", link).isTrue();
        return matcher.group(1);
    }

    static String join(String... parts) {
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
    }

    static List<Long> ids(Reply reply) {
        List<Long> ids = new ArrayList<>();
        reply.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static JsonNode item(Reply reply, long id) {
        for (JsonNode item : reply.json().get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("deal " + id + " is not in " + reply.text());
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }
}
