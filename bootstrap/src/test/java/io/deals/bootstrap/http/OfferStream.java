package io.deals.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.application.imports.DealFileColumns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A stream of offers as partners publish them, written as docs/offers.md describes them (not with
 * the code under test): new deals, re-sends of a deal's last offer byte for byte, updates of a deal
 * with another price, in order, and bad records of every kind the consumer must set aside. It knows
 * what consuming it must leave behind: each deal as its last offer says, with one version and one
 * event per change, and each bad record's reasons. Seeded: the same stream on every run.
 */
final class OfferStream {

    /** A hotel that exists before the stream (made through the API): an offer giving its phone another name conflicts. */
    static final Hotel KNOWN = new Hotel("Harbour View", "Toronto", "Canada", "+14165550100", 4);
    static final String CREATED_AT = "2026-10-01T08:00:00Z";

    private static final int HOTELS = 30;
    private static final List<String> CITIES = List.of("Lisbon", "Oslo", "Nice", "Porto", "Bergen", "Lyon");
    private static final List<String> COUNTRIES = List.of("Portugal", "Norway", "France", "Portugal", "Norway", "France");
    private static final List<String> ROOMS = List.of("Single", "Double", "Deluxe", "Suite", "Family Room");
    private static final List<String> CATEGORIES = List.of("beach", "family", "city break", "spa", "ski", "romantic");
    private static final LocalDate FIRST_CHECKIN = LocalDate.of(2027, 1, 4);
    /** Every hundredth bad record is over 1 MiB: enough to prove the rule without moving hundreds of megabytes. */
    private static final int TOO_LARGE_EVERY = 100;
    private static final int MAX_BYTES = 1024 * 1024;

    record Hotel(String name, String city, String country, String phone, int stars) {

        Hotel withName(String other) {
            return new Hotel(other, city, country, phone, stars);
        }
    }

    /** One record to publish: its key (null for none) and value. */
    record Offer(String key, byte[] value) {

        byte[] keyBytes() {
            return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A deal as the catalogue holds it: prices and dates as PostgreSQL writes them, categories sorted and joined. */
    record Deal(String hotelPhone, String roomType, String price, String originalPrice, String checkin,
                String checkout, boolean available, String categories, long version) {
    }

    /** One event of a deal: its type, and the version its data shows. */
    record Change(String type, long version) {
    }

    /** Why a bad record is set aside, as its dead-letter copy's headers say it: one per reason, in order. */
    record Reason(String code, String field) {
    }

    /** A deal's offered terms. */
    private record Terms(Hotel hotel, String roomType, BigDecimal price, BigDecimal originalPrice, LocalDate checkin,
                         int nights, boolean available, List<String> categories) {

        Terms withPrice(BigDecimal other) {
            return new Terms(hotel, roomType, other, originalPrice, checkin, nights, available, categories);
        }
    }

    /** A deal while the stream is written: its terms, version and last offer. */
    private static final class Written {
        Terms terms;
        long version;
        Offer last;
    }

    private enum Slot { NEW, RESEND, UPDATE, BAD }

    private enum Bad { NOT_JSON, UNPARSABLE, PRICE_ABOVE_ORIGINAL, TWO_RULES, HOTEL_CONFLICT, KEY_MISMATCH, UNKNOWN_FIELD,
        MISSING_FIELD }

    private final Random random;
    private final List<Hotel> hotels;
    private final List<Offer> offers = new ArrayList<>();
    private final Map<Integer, List<Reason>> rejected = new LinkedHashMap<>();
    private final Map<String, Written> deals = new LinkedHashMap<>();
    private final Map<String, List<Change>> changes = new HashMap<>();
    private final Set<Hotel> hotelsOffered = new LinkedHashSet<>();
    /** The indexes of the offers that change a deal an earlier offer made. */
    private final List<Integer> updates = new ArrayList<>();
    private long applied;
    private long unchanged;
    private long badWritten;

    private OfferStream(long seed) {
        random = new Random(seed);
        hotels = new ArrayList<>(IntStream.range(0, HOTELS).mapToObj(i -> new Hotel("Offer Hotel " + i,
                CITIES.get(i % CITIES.size()), COUNTRIES.get(i % COUNTRIES.size()),
                "+44207000%04d".formatted(i), 1 + i % 5)).toList());
        hotels.add(KNOWN);
    }

    /**
     * {@code size} records: 5 % bad, 10 % re-sends of a deal's last offer (seven in ten identical,
     * the others with another price), the rest new deals; shuffled, each re-send after its deal's offers.
     */
    static OfferStream of(int size, long seed) {
        OfferStream stream = new OfferStream(seed);
        int bad = size * 5 / 100;
        int resends = size * 10 / 100;
        int updates = resends * 3 / 10;
        List<Slot> slots = new ArrayList<>();
        slots.addAll(Collections.nCopies(bad, Slot.BAD));
        slots.addAll(Collections.nCopies(resends - updates, Slot.RESEND));
        slots.addAll(Collections.nCopies(updates, Slot.UPDATE));
        slots.addAll(Collections.nCopies(size - bad - resends, Slot.NEW));
        Collections.shuffle(slots, stream.random);
        // A re-send needs a deal before it.
        Collections.swap(slots, 0, slots.indexOf(Slot.NEW));
        slots.forEach(stream::write);
        return stream;
    }

    /** One deal offered {@code size} times: created, then offered again with another price, one in four re-sent as it is. */
    static OfferStream ofOneDeal(int size, long seed) {
        OfferStream stream = new OfferStream(seed);
        stream.write(Slot.NEW);
        for (int i = 1; i < size; i++) {
            stream.write(i % 4 == 0 ? Slot.RESEND : Slot.UPDATE);
        }
        return stream;
    }

    List<Offer> offers() {
        return offers;
    }

    /** The bad records' reasons, by their index in {@link #offers()}. */
    Map<Integer, List<Reason>> rejected() {
        return rejected;
    }

    /** Each deal, by deal_id, as its last offer leaves it. */
    Map<String, Deal> catalogue() {
        return deals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, deal -> {
            Terms terms = deal.getValue().terms;
            return new Deal(terms.hotel().phone(), terms.roomType(), terms.price().toPlainString(),
                    terms.originalPrice().toPlainString(), terms.checkin().toString(),
                    terms.checkin().plusDays(terms.nights()).toString(), terms.available(),
                    String.join(",", terms.categories()), deal.getValue().version);
        }));
    }

    /** Each deal's events, by deal_id, in commit order. */
    Map<String, List<Change>> changes() {
        return changes;
    }

    /** The hotels the applied offers name, by phone: the known one is found, the others created. */
    Set<String> hotelPhones() {
        return hotelsOffered.stream().map(Hotel::phone).collect(Collectors.toSet());
    }

    /** Offers that create or change a deal. */
    long applied() {
        return applied;
    }

    /** Offers identical to what is stored by the time they come. */
    long unchanged() {
        return unchanged;
    }

    /** How many of the first {@code count} offers change a deal an earlier offer made. */
    long updatesAmongFirst(int count) {
        return updates.stream().filter(index -> index < count).count();
    }

    private void write(Slot slot) {
        switch (slot) {
            case NEW -> {
                String dealId = "O-%06d".formatted(deals.size() + 1);
                Terms terms = newTerms();
                Written deal = new Written();
                deals.put(dealId, deal);
                applyGood(dealId, deal, terms, "deals.deal.created");
            }
            case RESEND -> {
                Written deal = anyDeal();
                offers.add(deal.last);
                unchanged++;
            }
            case UPDATE -> {
                String dealId = anyDealId();
                Written deal = deals.get(dealId);
                updates.add(offers.size());
                applyGood(dealId, deal, deal.terms.withPrice(otherPrice(deal.terms)), "deals.deal.updated");
            }
            case BAD -> writeBad();
        }
    }

    private void applyGood(String dealId, Written deal, Terms terms, String type) {
        deal.terms = terms;
        deal.version++;
        deal.last = new Offer(dealId, bytes(json(dealId, terms)));
        offers.add(deal.last);
        hotelsOffered.add(terms.hotel());
        applied++;
        List<Change> events = changes.computeIfAbsent(dealId, id -> new ArrayList<>());
        events.add(new Change(type, deal.version));
        if (type.equals("deals.deal.updated")) {
            events.add(new Change("deals.deal.price_changed", deal.version));
        }
    }

    private void writeBad() {
        long index = badWritten++;
        String dealId = random.nextBoolean() ? anyDealId() : "X-%06d".formatted(index);
        Terms terms = newTerms();
        ObjectNode json = json(dealId, terms);
        if (index % TOO_LARGE_EVERY == TOO_LARGE_EVERY / 2) {
            json.put(DealFileColumns.ROOM_TYPE, "x".repeat(MAX_BYTES));
            bad(new Offer(dealId, bytes(json)), "too_large", "value");
            return;
        }
        switch (Bad.values()[(int) (index % Bad.values().length)]) {
            case NOT_JSON -> bad(new Offer(dealId, ("{\"deal_id\": \"" + dealId + "\", \"price_per_night\": ")
                    .getBytes(StandardCharsets.UTF_8)), "malformed_json", "value");
            case UNPARSABLE -> {
                json.put(DealFileColumns.PRICE_PER_NIGHT, terms.price().toPlainString().replace('.', ','));
                bad(new Offer(dealId, bytes(json)), "invalid_format", DealFileColumns.PRICE_PER_NIGHT);
            }
            case PRICE_ABOVE_ORIGINAL -> {
                json.put(DealFileColumns.PRICE_PER_NIGHT, terms.originalPrice().add(BigDecimal.TEN));
                bad(new Offer(dealId, bytes(json)), "price_above_original", DealFileColumns.PRICE_PER_NIGHT);
            }
            case TWO_RULES -> {
                json.put(DealFileColumns.PRICE_PER_NIGHT, terms.originalPrice().add(BigDecimal.TEN));
                json.put(DealFileColumns.CHECKOUT_DATE, terms.checkin().minusDays(1).toString());
                // In the order the domain checks them: the stay, then the prices.
                bad(new Offer(dealId, bytes(json)), "checkout_not_after_checkin", DealFileColumns.CHECKOUT_DATE,
                        "price_above_original", DealFileColumns.PRICE_PER_NIGHT);
            }
            case HOTEL_CONFLICT -> {
                hotel(json, KNOWN.withName("Harbour Vista"));
                bad(new Offer(dealId, bytes(json)), "hotel_conflict", DealFileColumns.HOTEL_PHONE);
            }
            case KEY_MISMATCH -> bad(new Offer(random.nextBoolean() ? null : dealId + " ", bytes(json)),
                    "key_mismatch", DealFileColumns.DEAL_ID);
            case UNKNOWN_FIELD -> {
                json.put("hotel_rating", 5);
                bad(new Offer(dealId, bytes(json)), "unknown_field", "hotel_rating");
            }
            case MISSING_FIELD -> {
                json.remove(DealFileColumns.ROOM_TYPE);
                bad(new Offer(dealId, bytes(json)), "required", DealFileColumns.ROOM_TYPE);
            }
        }
    }

    /** A bad offer and its reasons: code, field, code, field... */
    private void bad(Offer offer, String... codesAndFields) {
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < codesAndFields.length; i += 2) {
            reasons.add(new Reason(codesAndFields[i], codesAndFields[i + 1]));
        }
        rejected.put(offers.size(), reasons);
        offers.add(offer);
    }

    private Terms newTerms() {
        BigDecimal original = BigDecimal.valueOf(5_000 + random.nextInt(45_000), 2);
        List<String> categories = new ArrayList<>(CATEGORIES);
        Collections.shuffle(categories, random);
        return new Terms(hotels.get(random.nextInt(hotels.size())), ROOMS.get(random.nextInt(ROOMS.size())),
                BigDecimal.valueOf(1_000 + random.nextInt(original.unscaledValue().intValueExact() - 1_000), 2),
                original, FIRST_CHECKIN.plusDays(random.nextInt(300)), 1 + random.nextInt(14), random.nextInt(4) > 0,
                categories.subList(0, random.nextInt(4)).stream().sorted().toList());
    }

    /** A price other than the current one, still not above the original. */
    private BigDecimal otherPrice(Terms terms) {
        BigDecimal price;
        do {
            price = BigDecimal.valueOf(1_000 + random.nextInt(terms.originalPrice().unscaledValue().intValueExact() - 999), 2);
        } while (price.equals(terms.price()));
        return price;
    }

    private Written anyDeal() {
        return deals.get(anyDealId());
    }

    private String anyDealId() {
        return "O-%06d".formatted(1 + random.nextInt(deals.size()));
    }

    /** An offer's JSON: numbers, booleans and categories sometimes written as text, as the format allows. */
    private ObjectNode json(String dealId, Terms terms) {
        ObjectNode json = Api.JSON.createObjectNode();
        json.put(DealFileColumns.DEAL_ID, dealId);
        hotel(json, terms.hotel());
        json.put(DealFileColumns.ROOM_TYPE, terms.roomType());
        number(json, DealFileColumns.PRICE_PER_NIGHT, terms.price());
        number(json, DealFileColumns.ORIGINAL_PRICE, terms.originalPrice());
        json.putNull(DealFileColumns.DISCOUNT_PERCENT);
        json.put(DealFileColumns.CHECKIN_DATE, terms.checkin().toString());
        json.put(DealFileColumns.CHECKOUT_DATE, terms.checkin().plusDays(terms.nights()).toString());
        if (random.nextInt(5) == 0) {
            json.put(DealFileColumns.IS_AVAILABLE, Boolean.toString(terms.available()));
        } else {
            json.put(DealFileColumns.IS_AVAILABLE, terms.available());
        }
        if (random.nextInt(5) == 0) {
            json.put(DealFileColumns.CATEGORIES, String.join(",", terms.categories()));
        } else {
            terms.categories().forEach(json.putArray(DealFileColumns.CATEGORIES)::add);
        }
        json.put(DealFileColumns.CREATED_AT, CREATED_AT);
        return json;
    }

    private void hotel(ObjectNode json, Hotel hotel) {
        json.put(DealFileColumns.HOTEL_NAME, hotel.name());
        json.put(DealFileColumns.HOTEL_CITY, hotel.city());
        json.put(DealFileColumns.HOTEL_COUNTRY, hotel.country());
        json.put(DealFileColumns.HOTEL_PHONE, hotel.phone());
        json.put(DealFileColumns.HOTEL_STAR_RATING, hotel.stars());
    }

    private void number(ObjectNode json, String field, BigDecimal value) {
        if (random.nextInt(5) == 0) {
            json.put(field, value.toPlainString());
        } else {
            json.put(field, value);
        }
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return Api.JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
