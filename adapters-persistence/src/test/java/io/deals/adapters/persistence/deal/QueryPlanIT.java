package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.PersistenceFixture;
import com.google.inject.Injector;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.DealFilter;
import io.deals.application.deal.port.in.DealSort;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.DealId;
import org.apache.ibatis.binding.MapperMethod;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * On a table of realistic size, the planner reads {@code deals} through an index wherever one
 * should serve: each statement is explained exactly as MyBatis binds it (the mapped statement's
 * SQL and its parameters), and no plan node may be a sequential scan of {@code deals}.
 */
class QueryPlanIT {

    private static final Logger LOG = LoggerFactory.getLogger(QueryPlanIT.class);

    private static final String MAPPER = DealMapper.class.getName() + ".";
    /** As many as {@link #BUILD} makes. */
    private static final int DEALS = 200_000;
    private static final int PAGE_LIMIT = 21;

    /** The same group keys as {@code MyBatisDealSearch.statistics}. */
    private static final String BY_CITY = "h.city";
    private static final String BY_CATEGORY = "gc.name";

    /**
     * 2,000 hotels in 100 cities of 20 countries; 200,000 deals, a hotel's scattered through the
     * table as they would arrive over time; 20 categories, 0 to 3 a deal. Every value is a hash
     * of the row number, so each run builds the same data.
     */
    private static final List<String> BUILD = List.of("""
            INSERT INTO hotels (id, name, city, country, phone, star_rating, version, created_at, updated_at)
            SELECT h, 'Hotel ' || h, 'City ' || lpad((h % 100)::text, 2, '0'), 'Country ' || lpad((h % 100 % 20)::text, 2, '0'),
                   '+4420' || lpad(h::text, 8, '0'), 1 + (hashint4(h) & 2147483647) % 5, 1,
                   timestamptz '2024-01-01 00:00:00+00' + h * interval '1 hour',
                   timestamptz '2024-01-01 00:00:00+00' + h * interval '1 hour'
              FROM generate_series(1, 2000) AS h
            """, """
            SELECT setval(pg_get_serial_sequence('hotels', 'id'), 2000)
            """, """
            INSERT INTO deals (id, external_ref, hotel_id, room_type, price_per_night, original_price, discount_percent,
                               checkin_date, checkout_date, is_available, version, created_at, updated_at)
            SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'EXT-' || i END, 1 + r1 % 2000,
                   (ARRAY['Single', 'Double', 'Twin', 'Suite', 'Deluxe Double'])[1 + r2 % 5],
                   round(original * (100 - discount) / 100, 2), original, discount,
                   date '2026-01-01' + r3 % 365, date '2026-01-01' + r3 % 365 + 1 + r2 % 14,
                   r3 % 10 <> 0, 1, at, at
              FROM (SELECT i, r1, r2, r3,
                           round(40 + r2 % 46000 / 100.0, 2) AS original, r3 % 61 AS discount,
                           timestamptz '2025-01-01 00:00:00+00' + i * interval '97 seconds'
                               + r1 % 1000000 * interval '1 microsecond' AS at
                      FROM (SELECT i, hashint4(i) & 2147483647 AS r1, hashint4(-i) & 2147483647 AS r2,
                                   hashint4(i + 1000000) & 2147483647 AS r3
                              FROM generate_series(1, 200000) AS i) AS hashes) AS g
            """, """
            SELECT setval(pg_get_serial_sequence('deals', 'id'), 200000)
            """, """
            INSERT INTO categories (name)
            SELECT unnest(ARRAY['beach', 'spa', 'family', 'city break', 'ski', 'romantic', 'business', 'all-inclusive',
                                'pet friendly', 'adults only', 'golf', 'wellness', 'boutique', 'historic', 'mountain',
                                'lake', 'desert', 'island', 'safari', 'eco'])
            """, """
            INSERT INTO deal_categories (deal_id, category_id)
            SELECT g.i, c.id
              FROM (SELECT i, hashint4(i + 2000000) & 2147483647 AS r FROM generate_series(1, 200000) AS i) AS g
              CROSS JOIN generate_series(0, 2) AS k
              JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM categories) AS c
                ON c.n = (g.r + 7 * k) % 20
             WHERE k < g.r / 20 % 4
            """);

    private static DataSource dataSource;
    private static Configuration configuration;
    private static DealSearch search;
    private static TransactionRunner transactions;

    @BeforeAll
    static void build() throws SQLException {
        TestDatabase.reset();
        dataSource = TestDatabase.dataSource();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The rows satisfy every foreign key and the ten-category trigger by construction;
                // where allowed, skip their per-row checks (half the build time). CHECKs still apply.
                if (isSuperuser(statement)) {
                    statement.execute("SET LOCAL session_replication_role = replica");
                }
                for (String sql : BUILD) {
                    statement.execute(sql);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // As autovacuum would leave it: statistics, and the visibility map index-only scans rely on.
                statement.execute("VACUUM (ANALYZE) hotels, deals, categories, deal_categories");
                // VACUUM cannot mark pages all-visible while an older snapshot lives (an autovacuum
                // ANALYZE of another table, say); it soon ends, so vacuum again until the map is full.
                for (int attempt = 0; attempt < 40 && !allVisible(statement, "deals"); attempt++) {
                    sleep(250);
                    statement.execute("VACUUM deals, deal_categories");
                }
                assertThat(allVisible(statement, "deals")).as("deals is all-visible after VACUUM").isTrue();
            }
        }
        LOG.info("Built {} deals for the query plans in {} ms", DEALS, (System.nanoTime() - started) / 1_000_000);
        assertThat(scalar("SELECT count(*) FROM deals d JOIN hotels h ON h.id = d.hotel_id")).isEqualTo(DEALS);
        assertThat(scalar("SELECT count(DISTINCT lower(city)) FROM hotels")).isEqualTo(100);
        assertThat(scalar("SELECT count(DISTINCT lower(country)) FROM hotels")).isEqualTo(20);
        assertThat(scalar("SELECT count(*) FROM deal_categories dc JOIN deals d ON d.id = dc.deal_id "
                + "JOIN categories c ON c.id = dc.category_id")).isBetween(250_000L, 350_000L);

        Injector injector = PersistenceFixture.injector(dataSource);
        configuration = injector.getInstance(SqlSessionFactory.class).getConfiguration();
        search = injector.getInstance(DealSearch.class);
        transactions = injector.getInstance(TransactionRunner.class);
    }

    @AfterAll
    static void empty() {
        TestDatabase.reset();
    }

    // --- listings --------------------------------------------------------------------------

    @Test
    void a_city_page_by_id() {
        assertNoSeqScanOfDeals("page", page(filter("City 07", null, null, null), DealSort.DEFAULT, null));
    }

    @Test
    void a_country_page_by_id() {
        assertNoSeqScanOfDeals("page", page(filter(null, "country 07", null, null), DealSort.DEFAULT, null));
    }

    @Test
    void a_page_of_one_category() {
        assertNoSeqScanOfDeals("page", page(filter(null, null, null, null, "spa"), DealSort.DEFAULT, null));
    }

    @Test
    void a_page_of_two_categories() {
        assertNoSeqScanOfDeals("page", page(filter(null, null, null, null, "spa", "ski"), DealSort.DEFAULT, null));
    }

    @Test
    void a_hotel_page() {
        assertNoSeqScanOfDeals("page", page(filter(null, null, 1234L, null), DealSort.DEFAULT, null));
    }

    @ParameterizedTest(name = "descending: {0}")
    @ValueSource(booleans = {false, true})
    void a_page_of_min_stars_by_price(boolean descending) {
        DealSort byPrice = new DealSort(DealSort.Key.PRICE_PER_NIGHT, descending);
        assertNoSeqScanOfDeals("page", page(filter(null, null, null, 4), byPrice, null));
    }

    /** About 90% of the way through the walk, with no filter: the keyset lets the index start there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everySort")
    void a_deep_keyset_page(DealSort sort) {
        Keyset after = keysetAt(sort, DEALS * 9 / 10);
        Page<DealView> deep = transactions.inTransaction(
                () -> search.list(DealFilter.ALL, sort, new PageRequest(PAGE_LIMIT - 1, 0, after, false)));
        assertThat(deep.items()).hasSize(PAGE_LIMIT - 1);
        assertThat(deep.next()).isNotNull();

        assertNoSeqScanOfDeals("page", page(DealFilter.ALL, sort, after));
    }

    // --- counts and statistics ----------------------------------------------------------------

    @Test
    void the_count_of_a_city() {
        DealFilter filter = filter("City 07", null, null, null);
        assertNoSeqScanOfDeals("count", params(filter));
    }

    @Test
    void statistics_by_city_of_a_country() {
        DealFilter filter = filter(null, "Country 07", null, null);
        assertNoSeqScanOfDeals("statistics", statistics(filter, BY_CITY, false));
    }

    @Test
    void statistics_by_category_of_a_city() {
        DealFilter filter = filter("City 07", null, null, null);
        assertNoSeqScanOfDeals("statistics", statistics(filter, BY_CATEGORY, true));
    }

    // --- the parameters of each statement, keyed as its @Param names ----------------------------

    static Stream<DealSort> everySort() {
        return Arrays.stream(DealSort.Key.values())
                .flatMap(key -> Stream.of(new DealSort(key, false), new DealSort(key, true)));
    }

    private static DealFilter filter(String city, String country, Long hotelId, Integer minStars, String... categories) {
        return new DealFilter(city, country, hotelId, minStars, null, null, null, null, null, List.of(categories),
                null, null);
    }

    private static MapperMethod.ParamMap<Object> params(DealFilter filter) {
        MapperMethod.ParamMap<Object> params = new MapperMethod.ParamMap<>();
        params.put("f", filter);
        params.put("categories", filter.categories().toArray(String[]::new));
        return params;
    }

    /** As {@code MyBatisDealSearch.list} asks for a page of 20: one row more, to tell whether another follows. */
    private static MapperMethod.ParamMap<Object> page(DealFilter filter, DealSort sort, Keyset after) {
        MapperMethod.ParamMap<Object> params = params(filter);
        params.put("sort", SortSql.of(sort));
        params.put("after", after);
        params.put("limit", PAGE_LIMIT);
        params.put("offset", 0);
        return params;
    }

    private static MapperMethod.ParamMap<Object> statistics(DealFilter filter, String groupKey, boolean byCategory) {
        MapperMethod.ParamMap<Object> params = params(filter);
        params.put("groupKey", groupKey);
        params.put("byCategory", byCategory);
        return params;
    }

    /** The keyset of the deal {@code position} rows into the order, as the application would write it. */
    private static Keyset keysetAt(DealSort sort, int position) {
        SortSql sql = SortSql.of(sort);
        long id = scalar("SELECT id FROM deals ORDER BY " + sql.column() + " " + sql.direction() + ", id "
                + sql.direction() + " OFFSET " + position + " LIMIT 1");
        DealView deal = transactions.inTransaction(() -> search.find(new DealId(id))).orElseThrow();
        return new Keyset(sort.key().valueOf(deal), id);
    }

    // --- plans -------------------------------------------------------------------------------

    private static boolean allVisible(Statement statement, String table) throws SQLException {
        try (java.sql.ResultSet rows = statement.executeQuery(
                "SELECT relallvisible >= relpages FROM pg_class WHERE relname = '" + table + "'")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void assertNoSeqScanOfDeals(String statement, Map<String, Object> params) {
        MappedStatement mapped = configuration.getMappedStatement(MAPPER + statement);
        BoundSql bound = mapped.getBoundSql(params);
        String plan = explain("EXPLAIN (FORMAT JSON) ", mapped, params, bound).get(0);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement check = connection.prepareStatement("""
                     SELECT jsonb_path_exists(plan, '$.** ? (@."Relation Name" == "deals")'),
                            jsonb_path_exists(plan, '$.** ? (@."Node Type" == "Seq Scan" && @."Relation Name" == "deals")')
                       FROM (SELECT CAST(? AS jsonb) AS plan) AS p
                     """)) {
            check.setString(1, plan);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the plan reads deals at all:%n%s", plan).isTrue();
                if (rs.getBoolean(2)) {
                    fail("%s reads deals by a sequential scan:%n%s%n%s", statement,
                            String.join("\n", explain("EXPLAIN ", mapped, params, bound)), bound.getSql());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Explains the statement exactly as MyBatis runs it: its SQL, with its parameters bound by MyBatis. */
    private static List<String> explain(String explain, MappedStatement mapped, Map<String, Object> params,
                                        BoundSql bound) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(explain + bound.getSql())) {
            new DefaultParameterHandler(mapped, params, bound).setParameters(statement);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain " + bound.getSql(), e);
        }
    }

    private static boolean isSuperuser(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static long scalar(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }
}
