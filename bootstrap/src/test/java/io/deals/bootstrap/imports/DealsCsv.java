package io.deals.bootstrap.imports;

import io.deals.application.imports.DealFileColumns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals files for tests, written row by row: every row starts valid (the reference columns, in
 * the reference order) and a test changes only what it is about. Values are quoted as RFC 4180
 * asks (a comma, a quote or a line break inside), so a field may span several physical lines.
 */
public final class DealsCsv {

    /** A hotel as the file names it. */
    public record Hotel(String name, String city, String country, String phone, int stars) {

        public Hotel withName(String other) {
            return new Hotel(other, city, country, phone, stars);
        }

        public Hotel withCity(String other) {
            return new Hotel(name, other, country, phone, stars);
        }

        public Hotel withCountry(String other) {
            return new Hotel(name, city, other, phone, stars);
        }

        public Hotel withPhone(String other) {
            return new Hotel(name, city, country, other, stars);
        }
    }

    public static final Hotel HARBOUR = new Hotel("Harbour View", "Toronto", "Canada", "+14165550100", 4);
    public static final Hotel RIVIERA = new Hotel("Riviera Palace", "Nice", "France", "+33493000001", 5);
    public static final Hotel CANAL = new Hotel("Canal House", "Amsterdam", "Netherlands", "+31205550002", 3);

    /** The created_at every row has unless a test says otherwise: in the past, with whole seconds. */
    public static final String CREATED_AT = "2026-10-01T08:00:00Z";

    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();
    private String lineBreak = "\n";
    private boolean finalLineBreak = true;

    private DealsCsv(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The header row of the reference columns, without its line break. */
    public static String header() {
        return String.join(",", DealFileColumns.ALL);
    }

    /** A file with every reference column, in the reference order. */
    public static DealsCsv file() {
        return new DealsCsv(DealFileColumns.ALL);
    }

    /** A file with these columns (by name, in this order; unknown names are written as given). */
    public static DealsCsv withColumns(String... columns) {
        return new DealsCsv(Arrays.asList(columns));
    }

    /** A valid row: a Deluxe room at 129.99 instead of 199.99 (35 % off), 3 nights from 2027-12-01. */
    public static Row row(String dealId, Hotel hotel) {
        return new Row()
                .set(DealFileColumns.DEAL_ID, dealId)
                .hotel(hotel)
                .set(DealFileColumns.ROOM_TYPE, "Deluxe")
                .set(DealFileColumns.PRICE_PER_NIGHT, "129.99")
                .set(DealFileColumns.ORIGINAL_PRICE, "199.99")
                .set(DealFileColumns.DISCOUNT_PERCENT, "35")
                .set(DealFileColumns.CHECKIN_DATE, "2027-12-01")
                .set(DealFileColumns.CHECKOUT_DATE, "2027-12-04")
                .set(DealFileColumns.IS_AVAILABLE, "true")
                .set(DealFileColumns.CATEGORIES, "beach,family")
                .set(DealFileColumns.CREATED_AT, CREATED_AT);
    }

    /** A line written exactly as given: a broken row, a blank line. */
    public static Row rawRow(String line) {
        return new Row().raw(line);
    }

    public DealsCsv add(Row... more) {
        rows.addAll(Arrays.asList(more));
        return this;
    }

    public DealsCsv add(List<Row> more) {
        rows.addAll(more);
        return this;
    }

    /** Lines end with CRLF instead of LF. */
    public DealsCsv crlf() {
        lineBreak = "\r\n";
        return this;
    }

    /** The last row is not followed by a line break. */
    public DealsCsv withoutFinalLineBreak() {
        finalLineBreak = false;
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String text() {
        StringBuilder text = new StringBuilder(String.join(",", columns));
        for (Row row : rows) {
            text.append(lineBreak).append(row.csv(columns));
        }
        if (finalLineBreak) {
            text.append(lineBreak);
        }
        return text.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** One record; {@link #raw(String)} writes it exactly as given instead (a broken row, say). */
    public static final class Row {

        private final Map<String, String> values = new LinkedHashMap<>();
        private String raw;

        private Row() {
        }

        public Row set(String column, String value) {
            values.put(column, value);
            return this;
        }

        public Row hotel(Hotel hotel) {
            return set(DealFileColumns.HOTEL_NAME, hotel.name())
                    .set(DealFileColumns.HOTEL_CITY, hotel.city())
                    .set(DealFileColumns.HOTEL_COUNTRY, hotel.country())
                    .set(DealFileColumns.HOTEL_PHONE, hotel.phone())
                    .set(DealFileColumns.HOTEL_STAR_RATING, Integer.toString(hotel.stars()));
        }

        /** Prices and the discount together, so that they keep agreeing. */
        public Row prices(String pricePerNight, String originalPrice, String discountPercent) {
            return set(DealFileColumns.PRICE_PER_NIGHT, pricePerNight)
                    .set(DealFileColumns.ORIGINAL_PRICE, originalPrice)
                    .set(DealFileColumns.DISCOUNT_PERCENT, discountPercent);
        }

        public Row raw(String line) {
            this.raw = line;
            return this;
        }

        public Row copy() {
            Row copy = new Row();
            copy.values.putAll(values);
            copy.raw = raw;
            return copy;
        }

        public String get(String column) {
            return values.get(column);
        }

        /** The row as one record of a file with the reference columns, without its line break. */
        public String csv() {
            return csv(DealFileColumns.ALL);
        }

        String csv(List<String> columns) {
            if (raw != null) {
                return raw;
            }
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(quoted(values.getOrDefault(column, "")));
            }
            return String.join(",", fields);
        }
    }

    static String quoted(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
