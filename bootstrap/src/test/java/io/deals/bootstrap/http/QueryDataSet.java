package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.TestDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A seeded, deterministic data set for the query-side tests, kept twice: as Java records (the
 * reference the expected answers are computed from, with plain streams) and, after {@link #load()},
 * as rows in the database, inserted with JDBC straight into the tables (bypassing the API).
 *
 * <p>12 hotels in 5 cities (one of them spelled {@code Paris} by one hotel and {@code PARIS} by
 * another) across 3 countries, star ratings 1–5, the last hotel without deals; 400 deals with
 * explicit, gapped ids, prices with cents drawn from a small pool (so many deals share a price and
 * the id tie-break matters), discounts derived from the prices, check-ins over a year, mixed
 * availability, 0–3 categories each, and distinct {@code created_at} instants (with microseconds)
 * in an order unrelated to the ids.
 */
final class QueryDataSet {

    record Hotel(long id, String name, String city, String country, String phone, int stars, Instant createdAt) {
    }

    record Deal(long id, String externalRef, Hotel hotel, String roomType, BigDecimal price, BigDecimal original,
                int discount, LocalDate checkin, LocalDate checkout, boolean available, List<String> categories,
                Instant createdAt) {

        int nights() {
            return (int) ChronoUnit.DAYS.between(checkin, checkout);
        }
    }

    static final List<String> CATEGORY_POOL = List.of("all-inclusive", "beach", "city break", "family", "romantic",
            "spa");

    static final List<Hotel> HOTELS;
    static final List<Deal> DEALS;
    /** The distinct prices deals draw from, ascending. */
    static final List<BigDecimal> PRICES;

    static {
        Random random = new Random(20_270_101L);
        String[][] places = {
                {"Paris", "France"}, {"PARIS", "France"}, {"Lyon", "France"},
                {"Lisbon", "Portugal"}, {"Porto", "Portugal"}, {"Tokyo", "Japan"},
                {"Paris", "France"}, {"Lisbon", "Portugal"}, {"Tokyo", "Japan"},
                {"Lyon", "France"}, {"Porto", "Portugal"}, {"Tokyo", "Japan"}};
        Instant hotelsCreated = Instant.parse("2026-05-01T08:00:00Z");
        List<Hotel> hotels = new ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            long id = 101 + i;
            hotels.add(new Hotel(id, "Hotel " + (char) ('A' + i), places[i][0], places[i][1],
                    "+331555%05d".formatted(id), 1 + i % 5, hotelsCreated.plusSeconds(60L * i)));
        }
        HOTELS = List.copyOf(hotels);

        TreeSet<BigDecimal> pool = new TreeSet<>();
        pool.add(new BigDecimal("99.00"));
        pool.add(new BigDecimal("100.50"));
        while (pool.size() < 40) {
            pool.add(BigDecimal.valueOf(1000 + random.nextInt(50_000), 2));
        }
        PRICES = List.copyOf(pool);

        int count = 400;
        List<Integer> createdOrder = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        Collections.shuffle(createdOrder, random);
        Instant dealsCreated = Instant.parse("2026-06-01T00:00:00Z");
        LocalDate firstCheckin = LocalDate.parse("2027-01-01");
        List<String> rooms = List.of("Standard", "Deluxe", "Suite", "Twin");
        List<Deal> deals = new ArrayList<>();
        long id = 5000;
        for (int i = 0; i < count; i++) {
            id += 1 + random.nextInt(3);
            Hotel hotel = HOTELS.get(random.nextInt(HOTELS.size() - 1));
            BigDecimal price = PRICES.get(random.nextInt(PRICES.size()));
            BigDecimal original = random.nextInt(100) < 15 ? price
                    : price.multiply(BigDecimal.valueOf(101 + random.nextInt(150)))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            LocalDate checkin = firstCheckin.plusDays(random.nextInt(365));
            LocalDate checkout = checkin.plusDays(1 + random.nextInt(14));
            boolean available = random.nextInt(10) < 7;
            List<String> categories = new ArrayList<>(CATEGORY_POOL);
            Collections.shuffle(categories, random);
            categories = categories.subList(0, random.nextInt(4)).stream().sorted().toList();
            long micros = switch (i) {
                case 0 -> 0;
                case 1 -> 500_000;
                default -> random.nextInt(1_000_000);
            };
            Instant created = dealsCreated.plusSeconds(37L * createdOrder.get(i)).plus(micros, ChronoUnit.MICROS);
            deals.add(new Deal(id, i % 5 == 0 ? null : "EXT-" + id, hotel, rooms.get(random.nextInt(rooms.size())),
                    price, original, discount(price, original), checkin, checkout, available, categories, created));
        }
        DEALS = List.copyOf(deals);
    }

    private QueryDataSet() {
    }

    /** 100 × (1 − price / original), rounded half up, as the API derives it. */
    static int discount(BigDecimal price, BigDecimal original) {
        return original.subtract(price).multiply(BigDecimal.valueOf(100))
                .divide(original, 0, RoundingMode.HALF_UP).intValueExact();
    }

    static Hotel hotel(long id) {
        return HOTELS.stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    static List<Deal> deals(Predicate<Deal> filter) {
        return DEALS.stream().filter(filter).toList();
    }

    /** Writes the whole data set into the (emptied) database. */
    static void load() {
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insertHotels(connection);
                insertDeals(connection);
                insertCategories(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the query data set", e);
        }
    }

    private static void insertHotels(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO hotels (id, name, city, country, phone, star_rating, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""")) {
            for (Hotel hotel : HOTELS) {
                insert.setLong(1, hotel.id());
                insert.setString(2, hotel.name());
                insert.setString(3, hotel.city());
                insert.setString(4, hotel.country());
                insert.setString(5, hotel.phone());
                insert.setInt(6, hotel.stars());
                insert.setObject(7, utc(hotel.createdAt()));
                insert.setObject(8, utc(hotel.createdAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertDeals(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO deals (id, external_ref, hotel_id, room_type, price_per_night, original_price,
                                   discount_percent, checkin_date, checkout_date, is_available, version,
                                   created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")) {
            for (Deal deal : DEALS) {
                insert.setLong(1, deal.id());
                if (deal.externalRef() == null) {
                    insert.setNull(2, Types.VARCHAR);
                } else {
                    insert.setString(2, deal.externalRef());
                }
                insert.setLong(3, deal.hotel().id());
                insert.setString(4, deal.roomType());
                insert.setBigDecimal(5, deal.price());
                insert.setBigDecimal(6, deal.original());
                insert.setInt(7, deal.discount());
                insert.setObject(8, deal.checkin());
                insert.setObject(9, deal.checkout());
                insert.setBoolean(10, deal.available());
                insert.setObject(11, utc(deal.createdAt()));
                insert.setObject(12, utc(deal.createdAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCategories(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO categories (name) VALUES (?)")) {
            for (String name : CATEGORY_POOL) {
                insert.setString(1, name);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, name FROM categories")) {
            while (rows.next()) {
                ids.put(rows.getString("name"), rows.getLong("id"));
            }
        }
        try (PreparedStatement link = connection.prepareStatement(
                "INSERT INTO deal_categories (deal_id, category_id) VALUES (?, ?)")) {
            for (Deal deal : DEALS) {
                for (String name : deal.categories()) {
                    link.setLong(1, deal.id());
                    link.setLong(2, ids.get(name));
                    link.addBatch();
                }
            }
            link.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
