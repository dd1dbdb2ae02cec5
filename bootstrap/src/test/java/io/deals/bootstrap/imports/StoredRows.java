package io.deals.bootstrap.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.adapters.persistence.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test database holds, read straight with JDBC (never through the code under test):
 * counts, whole-table snapshots to prove that nothing changed, and the outbox's events.
 */
public final class StoredRows {

    /** Every table an import writes to. */
    public static final List<String> TABLES = List.of("hotels", "deals", "categories", "deal_categories",
            "deal_price_history", "outbox_events");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One row of outbox_events. */
    public record Event(long seq, String aggregateType, long aggregateId, String type, JsonNode payload) {
    }

    private StoredRows() {
    }

    public static long count(String table) {
        return number("SELECT count(*) FROM " + table);
    }

    /** Every table's row count, by table. */
    public static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    /** Every row of every table, as text, in a stable order: equal snapshots mean equal contents. */
    public static Map<String, List<String>> snapshot() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        TABLES.forEach(table -> snapshot.put(table, strings("SELECT t::text FROM " + table + " t ORDER BY 1")));
        return snapshot;
    }

    /** A digest of every table (count and md5 of its rows), for tables too large to compare row by row. */
    public static Map<String, String> digest() {
        Map<String, String> digest = new LinkedHashMap<>();
        TABLES.forEach(table -> digest.put(table, strings("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, "
                + "E'\\n' ORDER BY t::text)), '') FROM " + table + " t").get(0)));
        return digest;
    }

    public static long number(String sql, Object... parameters) {
        List<String> values = strings(sql, parameters);
        if (values.size() != 1 || values.get(0) == null) {
            throw new IllegalStateException(sql + " gave " + values + ", not one number");
        }
        return Long.parseLong(values.get(0));
    }

    /** The first column of every row the query returns, as text. */
    public static List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, parameters, result -> values.add(result.getString(1)));
        return values;
    }

    /** The id of the deal imported with this deal_id. */
    public static long dealId(String externalRef) {
        return number("SELECT id FROM deals WHERE external_ref = ?", externalRef);
    }

    public static long version(String externalRef) {
        return number("SELECT version FROM deals WHERE external_ref = ?", externalRef);
    }

    /** The outbox, in commit order. */
    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        query("SELECT seq, aggregate_type, aggregate_id, event_type, payload::text FROM outbox_events ORDER BY seq",
                new Object[0], result -> events.add(new Event(result.getLong(1), result.getString(2),
                        result.getLong(3), result.getString(4), json(result.getString(5)))));
        return events;
    }

    /** The events recorded after the given sequence number. */
    public static List<Event> eventsAfter(long seq) {
        return events().stream().filter(event -> event.seq() > seq).toList();
    }

    public static long lastSeq() {
        return number("SELECT coalesce(max(seq), 0) FROM outbox_events");
    }

    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private static void query(String sql, Object[] parameters, RowReader reader) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
