package io.deals.bootstrap.demo;

import io.deals.application.imports.DealFileColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic deals file in the reference shape: the same settings always write the same
 * bytes. Hotels keep their name, city, country, phone and stars on every row; prices agree with
 * their discount; check-ins fall in the year after {@link #FIRST_CHECKIN}; stays last 1–14 nights.
 * A dirty rate mixes in rows that break one rule each, of every kind an import rejects.
 */
public final class DemoDeals {

    /** Fixed rather than "today", so that a file depends on its settings only. */
    public static final LocalDate FIRST_CHECKIN = LocalDate.of(2027, 1, 1);
    /** Rows were created a minute apart, the last just before this: an import refuses a future created_at. */
    private static final Instant CREATED_BEFORE = Instant.parse("2026-11-01T00:00:00Z");

    private static final String[][] PLACES = {
            {"Toronto", "Canada"}, {"Vancouver", "Canada"}, {"Montreal", "Canada"}, {"New York", "United States"},
            {"Miami", "United States"}, {"San Francisco", "United States"}, {"Mexico City", "Mexico"},
            {"Cancun", "Mexico"}, {"Lisbon", "Portugal"}, {"Porto", "Portugal"}, {"Madrid", "Spain"},
            {"Barcelona", "Spain"}, {"Paris", "France"}, {"Nice", "France"}, {"Rome", "Italy"},
            {"Florence", "Italy"}, {"Berlin", "Germany"}, {"Munich", "Germany"}, {"London", "United Kingdom"},
            {"Edinburgh", "United Kingdom"}, {"Amsterdam", "Netherlands"}, {"Vienna", "Austria"},
            {"Prague", "Czechia"}, {"Athens", "Greece"}, {"Istanbul", "Turkey"}, {"Dubai", "United Arab Emirates"},
            {"Bangkok", "Thailand"}, {"Tokyo", "Japan"}, {"Sydney", "Australia"}, {"Cape Town", "South Africa"}};
    private static final String[] NAME_WORDS = {"Harbour", "Grand", "Royal", "Garden", "Plaza", "Park", "Central",
            "Ocean", "Riverside", "Summit", "Old Town", "Marina", "Palace", "Boutique", "Skyline", "Lakeside"};
    private static final String[] NAME_KINDS = {"Hotel", "Inn", "Suites", "Resort", "Lodge", "House"};
    private static final String[] ROOM_TYPES = {"Standard", "Deluxe", "Superior", "Junior Suite", "Suite",
            "Family Room", "Twin", "Double", "Studio"};
    private static final String[] CATEGORIES = {"beach", "city break", "family", "luxury", "spa"};

    /** One way a row can be wrong; each breaks exactly one rule. */
    private enum Flaw {
        NEGATIVE_PRICE, TOO_MANY_DECIMALS, PRICE_ABOVE_ORIGINAL, INCONSISTENT_DISCOUNT, CHECKOUT_BEFORE_CHECKIN,
        STAY_TOO_LONG, BAD_DATE, STARS_OUT_OF_RANGE, BAD_PHONE, HOTEL_CONFLICT, MISSING_ROOM_TYPE, TOO_MANY_CATEGORIES,
        BAD_CATEGORY, BAD_AVAILABILITY, BAD_NUMBER, NAME_TOO_LONG, MISSING_DEAL_ID, REPEATED_DEAL_ID,
        FUTURE_CREATED_AT, EXTRA_FIELD
    }

    private record Hotel(String name, String city, String country, String phone, int stars) {
    }

    private final int rows;
    private final List<Hotel> hotels;
    private final Random random;
    private final double dirtyRate;
    private String lastDealId = "";

    public DemoDeals(int rows, int hotels, long seed, double dirtyRate) {
        if (rows < 0 || hotels < 1 || dirtyRate < 0 || dirtyRate > 1) {
            throw new IllegalArgumentException("rows ≥ 0, hotels ≥ 1 and a dirty rate from 0 to 1, please");
        }
        this.rows = rows;
        this.random = new Random(seed);
        this.dirtyRate = dirtyRate;
        this.hotels = new ArrayList<>();
        for (int h = 0; h < hotels; h++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String name = NAME_WORDS[random.nextInt(NAME_WORDS.length)] + " " + NAME_KINDS[random.nextInt(NAME_KINDS.length)]
                    + " " + (h + 1);
            String phone = String.format("+1%03d555%04d", 200 + h / 10_000, h % 10_000);
            this.hotels.add(new Hotel(name, place[0], place[1], phone, 1 + random.nextInt(5)));
        }
    }

    public void writeTo(Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(DealFileColumns.ALL.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (int i = 0; i < rows; i++) {
                csv.printRecord(row(i));
            }
        }
    }

    private List<String> row(int index) {
        Hotel hotel = hotels.get(random.nextInt(hotels.size()));
        BigDecimal original = BigDecimal.valueOf(4_000 + random.nextInt(56_000), 2);
        int discount = random.nextInt(8) == 0 ? 0 : 5 + random.nextInt(60);
        BigDecimal price = original.multiply(BigDecimal.valueOf(100 - discount))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        LocalDate checkin = FIRST_CHECKIN.plusDays(random.nextInt(365));
        LocalDate checkout = checkin.plusDays(1 + random.nextInt(14));
        List<String> categories = new ArrayList<>(List.of(CATEGORIES));
        java.util.Collections.shuffle(categories, random);
        List<String> row = new ArrayList<>(List.of(
                dealId(index), hotel.name(), hotel.city(), hotel.country(), hotel.phone(),
                Integer.toString(hotel.stars()), ROOM_TYPES[random.nextInt(ROOM_TYPES.length)], price.toPlainString(),
                original.toPlainString(), Integer.toString(discount), checkin.toString(), checkout.toString(),
                random.nextInt(10) == 0 ? "false" : "true", String.join(",", categories.subList(0, random.nextInt(4))),
                CREATED_BEFORE.minus(rows - index, ChronoUnit.MINUTES).toString()));
        if (dirtyRate > 0 && random.nextDouble() < dirtyRate) {
            spoil(row, Flaw.values()[random.nextInt(Flaw.values().length)]);
        }
        lastDealId = row.get(0);
        return row;
    }

    private static String dealId(int index) {
        return String.format("D-%07d", index + 1);
    }

    private void spoil(List<String> row, Flaw flaw) {
        switch (flaw) {
            case NEGATIVE_PRICE -> row.set(7, "-" + row.get(7));
            case TOO_MANY_DECIMALS -> row.set(8, row.get(8) + "5");
            case PRICE_ABOVE_ORIGINAL -> row.set(7, new BigDecimal(row.get(8)).add(BigDecimal.TEN).toPlainString());
            case INCONSISTENT_DISCOUNT -> row.set(9, Integer.toString((Integer.parseInt(row.get(9)) + 30) % 101));
            case CHECKOUT_BEFORE_CHECKIN -> row.set(11, LocalDate.parse(row.get(10)).minusDays(1).toString());
            case STAY_TOO_LONG -> row.set(11, LocalDate.parse(row.get(10)).plusDays(400).toString());
            case BAD_DATE -> row.set(10, "2027-02-30");
            case STARS_OUT_OF_RANGE -> row.set(5, "6");
            case BAD_PHONE -> row.set(4, "call us");
            case HOTEL_CONFLICT -> row.set(1, row.get(1) + " Annex");
            case MISSING_ROOM_TYPE -> row.set(6, "");
            case TOO_MANY_CATEGORIES -> row.set(13, "a,b,c,d,e,f,g,h,i,j,k");
            case BAD_CATEGORY -> row.set(13, "beach,sea&sun");
            case BAD_AVAILABILITY -> row.set(12, "maybe");
            case BAD_NUMBER -> row.set(7, row.get(7).replace('.', ','));
            case NAME_TOO_LONG -> row.set(1, "Grand ".repeat(40).strip());
            case MISSING_DEAL_ID -> row.set(0, "");
            // The deal_id the previous row really has (blank before the first row, which is refused too).
            case REPEATED_DEAL_ID -> row.set(0, lastDealId);
            case FUTURE_CREATED_AT -> row.set(14, "2999-01-01T00:00:00Z");
            case EXTRA_FIELD -> row.add("surplus");
        }
    }
}
