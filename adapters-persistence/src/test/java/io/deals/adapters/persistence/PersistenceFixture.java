package io.deals.adapters.persistence;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.deal.service.ChangeDealService;
import io.deals.application.deal.service.CreateDealService;
import io.deals.application.deal.service.DeleteDealService;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.hotel.service.ChangeHotelService;
import io.deals.application.hotel.service.CreateHotelService;
import io.deals.application.hotel.service.DeleteHotelService;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDetails;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.hotel.Phone;
import io.deals.domain.hotel.StarRating;
import io.deals.domain.shared.PatchValue;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The persistence adapter wired by Guice as in production, over the test database, with builders
 * for hotels, deals and patches, the application services over those ports, and plain JDBC reads
 * of what was stored. One instance per test: each gets its own advancing clock.
 */
public final class PersistenceFixture {

    private static final TestRepresentations REPRESENTATIONS = new TestRepresentations();
    private static final Injector INJECTOR = injector(TestDatabase.dataSource());

    /** The adapter's module over {@code dataSource}, with the representations the web adapter would bind. */
    public static Injector injector(DataSource dataSource) {
        return Guice.createInjector(new PersistenceModule(dataSource), binder -> {
            binder.bind(DealRepresentation.class).toInstance(REPRESENTATIONS);
            binder.bind(HotelRepresentation.class).toInstance(REPRESENTATIONS);
        });
    }

    public final HotelRepository hotels = INJECTOR.getInstance(HotelRepository.class);
    public final HotelSearch hotelSearch = INJECTOR.getInstance(HotelSearch.class);
    public final DealRepository deals = INJECTOR.getInstance(DealRepository.class);
    public final DealSearch search = INJECTOR.getInstance(DealSearch.class);
    public final EventOutbox outbox = INJECTOR.getInstance(EventOutbox.class);
    public final TransactionRunner transactions = INJECTOR.getInstance(TransactionRunner.class);
    public final IdempotencyKeys idempotencyKeys = INJECTOR.getInstance(IdempotencyKeys.class);
    public final TestClock clock = new TestClock();

    // --- transactions -------------------------------------------------------------------------

    public <T> T inTx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    public void write(Runnable work) {
        transactions.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    // --- hotels -------------------------------------------------------------------------------

    public static HotelDetails hotelDetails(String name, String city, String country, String phone, int stars) {
        return new HotelDetails(name, city, country, new Phone(phone), new StarRating(stars));
    }

    public static HotelDetails hotelDetails(String name, String phone) {
        return hotelDetails(name, "Lisbon", "Portugal", phone, 4);
    }

    public Hotel addHotel(HotelDetails details) {
        return inTx(() -> {
            Hotel hotel = Hotel.create(hotels.nextId(), details, clock.now()).after();
            hotels.add(hotel);
            return hotel;
        });
    }

    public Hotel addHotel() {
        return addHotel(hotelDetails("Hotel Azul", "+351210000001"));
    }

    /** A patch of name and phone; {@code null} leaves a field as it is. */
    public static HotelPatch hotelPatch(String name, String phone) {
        return new HotelPatch(name == null ? PatchValue.absent() : PatchValue.of(name), PatchValue.absent(),
                PatchValue.absent(), phone == null ? PatchValue.absent() : PatchValue.of(phone), PatchValue.absent());
    }

    public Hotel changed(Hotel hotel, HotelPatch patch) {
        return hotel.change(patch, clock.now()).after();
    }

    // --- deals --------------------------------------------------------------------------------

    public static DraftBuilder draft(long hotelId) {
        return new DraftBuilder(hotelId);
    }

    public Deal addDeal(DealDraft draft) {
        return inTx(() -> {
            Deal deal = Deal.create(deals.nextId(), Deal.validate(draft), clock.now()).after();
            deals.add(deal);
            return deal;
        });
    }

    public static PatchBuilder patch() {
        return new PatchBuilder();
    }

    public Deal changed(Deal deal, PatchBuilder patch) {
        return deal.change(patch.build(), clock.now()).after();
    }

    public static final class DraftBuilder {
        private final long hotelId;
        private String roomType = "Deluxe Double";
        private String price = "129.99";
        private String original = "199.99";
        private List<String> categories = List.of("spa", "Beach");
        private String externalRef = "EXT-1";

        private DraftBuilder(long hotelId) {
            this.hotelId = hotelId;
        }

        public DraftBuilder roomType(String value) {
            roomType = value;
            return this;
        }

        public DraftBuilder prices(String pricePerNight, String originalPrice) {
            price = pricePerNight;
            original = originalPrice;
            return this;
        }

        public DraftBuilder categories(String... names) {
            categories = List.of(names);
            return this;
        }

        public DraftBuilder externalRef(String value) {
            externalRef = value;
            return this;
        }

        public DealDraft build() {
            return new DealDraft(hotelId, roomType, new BigDecimal(price), new BigDecimal(original), null,
                    LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 4), true, categories, externalRef);
        }
    }

    /** Builds a {@link DealPatch}; every field it is not told about stays absent. */
    public static final class PatchBuilder {
        private PatchValue<Long> hotelId = PatchValue.absent();
        private PatchValue<String> roomType = PatchValue.absent();
        private PatchValue<BigDecimal> price = PatchValue.absent();
        private PatchValue<BigDecimal> original = PatchValue.absent();
        private PatchValue<List<String>> categories = PatchValue.absent();
        private PatchValue<String> externalRef = PatchValue.absent();

        public PatchBuilder hotelId(long value) {
            hotelId = PatchValue.of(value);
            return this;
        }

        public PatchBuilder roomType(String value) {
            roomType = PatchValue.of(value);
            return this;
        }

        public PatchBuilder pricePerNight(String value) {
            price = PatchValue.of(new BigDecimal(value));
            return this;
        }

        public PatchBuilder originalPrice(String value) {
            original = PatchValue.of(new BigDecimal(value));
            return this;
        }

        public PatchBuilder categories(String... names) {
            categories = PatchValue.of(List.of(names));
            return this;
        }

        public PatchBuilder externalRef(String value) {
            externalRef = PatchValue.of(value);
            return this;
        }

        public DealPatch build() {
            return new DealPatch(hotelId, roomType, price, original, PatchValue.absent(), PatchValue.absent(),
                    PatchValue.absent(), PatchValue.absent(), categories, externalRef);
        }
    }

    // --- services over the injected ports ----------------------------------------------------

    public CreateHotelService createHotelService() {
        return new CreateHotelService(hotels, hotelSearch, outbox, REPRESENTATIONS, idempotencyKeys, transactions,
                clock);
    }

    public ChangeHotelService changeHotelService() {
        return new ChangeHotelService(hotels, hotelSearch, outbox, REPRESENTATIONS, transactions, clock);
    }

    public DeleteHotelService deleteHotelService() {
        return new DeleteHotelService(hotels, hotelSearch, outbox, REPRESENTATIONS, transactions, clock);
    }

    public CreateDealService createDealService() {
        return new CreateDealService(deals, search, outbox, REPRESENTATIONS, idempotencyKeys, transactions, clock);
    }

    public ChangeDealService changeDealService(Clock clock) {
        return new ChangeDealService(deals, search, outbox, REPRESENTATIONS, transactions, clock);
    }

    public ChangeDealService changeDealService() {
        return changeDealService(clock);
    }

    public DeleteDealService deleteDealService() {
        return deleteDealService(deals);
    }

    /** A delete that reads and removes through {@code repository}, which may put another writer between the two. */
    public DeleteDealService deleteDealService(DealRepository repository) {
        return new DeleteDealService(repository, search, outbox, REPRESENTATIONS, transactions, clock);
    }

    // --- what is stored, read with plain JDBC ------------------------------------------------

    public record OutboxRow(long seq, String aggregateType, long aggregateId, String eventType, String payload,
                            Instant occurredAt) {
    }

    public record PricePeriod(BigDecimal pricePerNight, BigDecimal originalPrice, int discountPercent,
                              Instant validFrom, Instant validTo) {
    }

    public static List<OutboxRow> outboxEvents() {
        return query("SELECT seq, aggregate_type, aggregate_id, event_type, payload::text AS payload, occurred_at "
                + "FROM outbox_events ORDER BY seq").stream()
                .map(r -> new OutboxRow((Long) r.get("seq"), (String) r.get("aggregate_type"),
                        (Long) r.get("aggregate_id"), (String) r.get("event_type"), (String) r.get("payload"),
                        (Instant) r.get("occurred_at")))
                .toList();
    }

    public static List<PricePeriod> pricePeriods(long dealId) {
        return query("SELECT price_per_night, original_price, discount_percent, valid_from, valid_to "
                + "FROM deal_price_history WHERE deal_id = ? ORDER BY id", dealId).stream()
                .map(r -> new PricePeriod((BigDecimal) r.get("price_per_night"), (BigDecimal) r.get("original_price"),
                        ((Number) r.get("discount_percent")).intValue(), (Instant) r.get("valid_from"),
                        (Instant) r.get("valid_to")))
                .toList();
    }

    /** The number of rows in a table (a constant of the test, never input). */
    public static long count(String table) {
        return (Long) query("SELECT count(*) AS n FROM " + table).get(0).get("n");
    }

    /** Rows as column → value; timestamps come back as {@link Instant}. */
    public static List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        row.put(rs.getMetaData().getColumnLabel(c),
                                value instanceof Timestamp ts ? ts.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** Each reading one second after the last, at microsecond precision as PostgreSQL keeps it. */
    public static final class TestClock implements Clock {
        public static final Instant START = Instant.parse("2026-03-01T10:15:30.123456Z");
        private final AtomicLong ticks = new AtomicLong();

        @Override
        public Instant now() {
            return START.plusSeconds(ticks.getAndIncrement()).truncatedTo(ChronoUnit.MICROS);
        }
    }
}
