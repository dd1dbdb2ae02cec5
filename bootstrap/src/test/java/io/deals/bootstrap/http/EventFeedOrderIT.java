package io.deals.bootstrap.http;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.in.EventQueries;
import io.deals.bootstrap.Deals;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.imports.DealsCsv;
import io.deals.bootstrap.imports.DealsCsv.Hotel;
import io.deals.bootstrap.imports.StoredRows;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The feed under load (API.md, "Events"): writers change hotels and deals over HTTP while CSV
 * imports commit thousands of events in one transaction each, and readers follow {@code next_after}
 * with small pages meanwhile. Each reader must have seen exactly the outbox, in seq order; each
 * transaction's events must be adjacent; each resource's versions must rise along the feed.
 */
class EventFeedOrderIT extends ApiTestBase {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeedOrderIT.class);

    private static final int WRITERS = 8;
    /** Each writer makes at least this many changes, and keeps going while imports run, up to the maximum. */
    private static final int MIN_OPERATIONS = 40;
    private static final int MAX_OPERATIONS = 400;
    private static final List<Integer> READER_LIMITS = List.of(7, 50, 1000);
    private static final int IMPORT_ROWS = 3_000;
    private static final Duration BOUND = Duration.ofMinutes(4);

    private final List<Long> hotels = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> deals = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    /** Replies no writer expected, kept for the assertion rather than thrown from a worker thread. */
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean importsDone = new AtomicBoolean();
    private final AtomicBoolean writesDone = new AtomicBoolean();

    @Test
    void readers_following_next_after_see_every_event_once_in_commit_order_with_each_transaction_adjacent()
            throws Exception {
        EventQueries feed = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS).events();
        for (int i = 0; i < 4; i++) {
            hotels.add(createHotel(hotelJson(WRITERS, i)).id());
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1 + READER_LIMITS.size());
        try {
            List<Future<List<ChangeEvent>>> readers = READER_LIMITS.stream()
                    .map(limit -> threads.submit(() -> follow(feed, limit, deadline))).toList();
            List<Future<?>> writers = new ArrayList<>();
            writers.add(threads.submit(this::importFiles));
            IntStream.range(0, WRITERS).forEach(writer -> writers.add(threads.submit(() -> write(writer))));
            for (Future<?> writer : writers) {
                writer.get(remaining(deadline), TimeUnit.NANOSECONDS);
            }
            writesDone.set(true);

            List<StoredEvent> outbox = outbox();
            LOG.info("{} events; writers' replies by operation and status: {}", outbox.size(), new TreeMap<>(outcomes));
            assertThat(unexpected).as("replies no writer expected").isEmpty();
            assertThat(succeeded()).as("successful writes over HTTP, by operation: %s", outcomes)
                    .isGreaterThanOrEqualTo(WRITERS * MIN_OPERATIONS / 2);
            assertThat(outbox).as("events recorded").hasSizeGreaterThan(3 * IMPORT_ROWS);
            for (int i = 0; i < READER_LIMITS.size(); i++) {
                assertSawExactlyTheOutbox(READER_LIMITS.get(i), readers.get(i).get(remaining(deadline),
                        TimeUnit.NANOSECONDS), outbox);
            }
            assertEachTransactionAdjacent(outbox);
            assertVersionsRiseAlongTheFeed(outbox);
        } finally {
            writesDone.set(true);
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("workers stopped").isTrue();
        }
    }

    // ---------------------------------------------------------------- readers

    /** Follows next_after until the writers are done and a page read after that came back short. */
    private List<ChangeEvent> follow(EventQueries feed, int limit, long deadline) throws InterruptedException {
        List<ChangeEvent> seen = new ArrayList<>();
        long after = 0;
        while (System.nanoTime() < deadline) {
            boolean lastRound = writesDone.get(); // read before the page: nothing commits after it
            EventPage page = page(feed, after, limit);
            assertThat(page.nextAfter()).as("next_after never goes back").isGreaterThanOrEqualTo(after);
            seen.addAll(page.items());
            after = page.nextAfter();
            if (page.items().size() < limit) {
                if (lastRound) {
                    return seen;
                }
                if (page.items().isEmpty()) {
                    Thread.sleep(1); // nothing new: let the writers have the two cores
                }
            }
        }
        throw new AssertionError("the reader with limit " + limit + " did not reach the head in time");
    }

    /** A reader waits its turn for one of the pool's few connections, as an embedding program would. */
    private static EventPage page(EventQueries feed, long after, int limit) {
        for (int tries = 1; ; tries++) {
            try {
                return feed.page(after, limit, EventFilter.ALL);
            } catch (RuntimeException e) {
                if (tries == 10 || !causedBy(e, SQLTransientConnectionException.class)) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- writers

    private void write(int writer) {
        Random random = new Random(writer);
        List<Long> own = new ArrayList<>();
        for (int op = 0; op < MAX_OPERATIONS && (op < MIN_OPERATIONS || !importsDone.get()); op++) {
            int dice = random.nextInt(100);
            if (dice < 10) {
                Reply created = api.post("/hotels", hotelJson(writer, op));
                if (expect("create hotel", created, 201)) {
                    own.add(created.id());
                    hotels.add(created.id());
                }
            } else if (dice < 20) {
                patch("hotels", pick(hotels, random), "{\"name\": \"Hotel %d.%d renamed\"}".formatted(writer, op));
            } else if (dice < 25 && !own.isEmpty()) {
                Long id = own.get(random.nextInt(own.size())); // boxed: List.remove(Object), not by index
                if (expect("delete hotel", api.delete("/hotels/" + id), 204, 404, 409)) { // 409: it has deals
                    own.remove(id);
                    hotels.remove(id);
                }
            } else if (dice < 50) {
                Reply created = api.post("/deals", dealJson(pick(hotels, random), random));
                if (expect("create deal", created, 201, 404)) {
                    deals.add(created.id());
                }
            } else if (dice < 85) {
                patch("deals", pick(deals, random), random.nextBoolean()
                        ? "{\"price_per_night\": %d.%02d}".formatted(50 + random.nextInt(140), random.nextInt(100))
                        : "{\"room_type\": \"Room %d\"}".formatted(random.nextInt(1_000)));
            } else {
                // Without If-Match, a delete that races a patch removes whatever version is current.
                Long id = pick(deals, random);
                if (id != null && expect("delete deal", api.delete("/deals/" + id), 204, 404)) {
                    deals.remove(id);
                }
            }
        }
    }

    /** A merge patch from the version just read; another writer may have come first (412) or deleted it (404). */
    private void patch(String collection, Long id, String json) {
        if (id == null) {
            return;
        }
        Reply current = api.get("/" + collection + "/" + id);
        if (expect("read " + collection, current, 200, 404)) {
            expect("patch " + collection, api.patch("/" + collection + "/" + id, json, "If-Match", current.etag()),
                    200, 404, 412);
        }
    }

    /**
     * Counts the reply and tells whether it succeeded; 503 (every pooled connection busy for 1.5 s)
     * is counted but expected under this load, anything not listed is kept for the assertion.
     */
    private boolean expect(String operation, Reply reply, int... allowed) {
        outcomes.computeIfAbsent(operation + " " + reply.status(), key -> new LongAdder()).increment();
        if (reply.status() != 503 && IntStream.of(allowed).noneMatch(status -> status == reply.status())) {
            unexpected.add(operation + ": " + reply.status() + " " + reply.text());
        }
        return reply.status() < 300;
    }

    private long succeeded() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().matches(".* 20\\d") && !e.getKey().startsWith("read"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    private static Long pick(List<Long> ids, Random random) {
        synchronized (ids) {
            return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        }
    }

    /** A hotel of its own for each writer and operation: names and phones never collide. */
    private static String hotelJson(int writer, int op) {
        return """
                {"name": "Hotel %d.%d", "city": "Toronto", "country": "Canada", "phone": "+1416%02d%05d", "star_rating": 3}"""
                .formatted(writer, op, writer, op);
    }

    private static String dealJson(Long hotelId, Random random) {
        return """
                {"hotel_id": %d, "room_type": "Double", "price_per_night": %d.50, "original_price": 199.99,
                 "checkin_date": "2027-06-01", "checkout_date": "2027-06-0%d", "categories": ["city"]}"""
                .formatted(hotelId == null ? 1 : hotelId, 60 + random.nextInt(100), 2 + random.nextInt(7));
    }

    // ---------------------------------------------------------------- imports

    /**
     * Three imports of a few thousand rows, each creating hotels and then creating or updating
     * deals (with price changes) in one transaction: lenient with bad rows, strict, lenient again
     * over half of what exists. Some imported deals become the writers' targets too.
     */
    private void importFiles() {
        try {
            importFile("", 1, IntStream.rangeClosed(1, IMPORT_ROWS), ref -> "129.99", 3);
            importFile("?mode=strict", 2, IntStream.rangeClosed(1, IMPORT_ROWS + 500), ref -> ref % 2 == 0 ? "99.99"
                    : "129.99", 0);
            importFile("?mode=lenient", 3, IntStream.rangeClosed(IMPORT_ROWS / 2, IMPORT_ROWS * 3 / 2),
                    ref -> "120.00", 2);
        } finally {
            importsDone.set(true);
        }
    }

    private void importFile(String query, int round, IntStream refs, IntFunction<String> price,
                            int badRows) {
        List<Hotel> fileHotels = IntStream.range(0, 5).mapToObj(i -> new Hotel("Import %d Hotel %d".formatted(round, i),
                "Lyon", "France", "+3347%d%06d".formatted(round, i), 4)).toList();
        DealsCsv file = DealsCsv.file();
        refs.forEach(ref -> file.add(row("I-%05d".formatted(ref), fileHotels.get(ref % fileHotels.size()))
                .prices(price.apply(ref), "199.99", "")
                .set("room_type", round == 2 && ref % 3 == 0 ? "Suite" : "Deluxe")));
        for (int i = 0; i < badRows; i++) {
            file.add(row("BAD-" + i, fileHotels.get(0)).prices("-5", "199.99", ""));
        }
        String csv = file.text();
        Reply report = api.send("POST", "/imports" + query, BodyPublishers.ofString(csv), "Content-Type", "text/csv");
        // The events checked below need every import: retry the rare 503 of a busy pool, as a client would.
        for (int retries = 0; report.status() == 503 && retries < 5; retries++) {
            report = api.send("POST", "/imports" + query, BodyPublishers.ofString(csv), "Content-Type", "text/csv");
        }
        if (expect("import", report, 200)) {
            List<String> ids = StoredRows.strings("SELECT id FROM deals WHERE external_ref LIKE 'I-%' AND id % 20 = 0");
            ids.forEach(id -> deals.add(Long.parseLong(id)));
        }
    }

    // ---------------------------------------------------------------- checks

    /** An outbox row as stored, with the transaction that wrote it and the version its data shows. */
    private record StoredEvent(long seq, long transaction, UUID id, String aggregate, long subject, String type,
                               long version) {
    }

    private static List<StoredEvent> outbox() throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT seq, xmin::text::bigint, event_id, aggregate_type,"
                     + " aggregate_id, event_type, (payload->>'version')::bigint FROM outbox_events ORDER BY seq")) {
            while (rows.next()) {
                events.add(new StoredEvent(rows.getLong(1), rows.getLong(2), rows.getObject(3, UUID.class),
                        rows.getString(4), rows.getLong(5), rows.getString(6), rows.getLong(7)));
            }
        }
        return events;
    }

    /** No gap, no repeat, strictly increasing: the reader's seqs are the table's, and its events too. */
    private static void assertSawExactlyTheOutbox(int limit, List<ChangeEvent> seen, List<StoredEvent> outbox) {
        String reader = "the reader with limit " + limit;
        List<Long> seqs = seen.stream().map(ChangeEvent::seq).toList();
        for (int i = 1; i < seqs.size(); i++) {
            if (seqs.get(i) <= seqs.get(i - 1)) {
                fail("%s saw seq %d after %d", reader, seqs.get(i), seqs.get(i - 1));
            }
        }
        Set<Long> missed = new LinkedHashSet<>(outbox.stream().map(StoredEvent::seq).toList());
        seqs.forEach(missed::remove);
        assertThat(missed).as("seqs in outbox_events that %s never saw", reader).isEmpty();
        assertThat(seen.stream().map(e -> e.seq() + " " + e.id() + " " + e.type() + " " + e.key()).toList())
                .as("what %s saw", reader)
                .containsExactlyElementsOf(outbox.stream().map(e -> e.seq() + " " + e.id() + " " + e.type() + " "
                        + e.aggregate() + "-" + e.subject()).toList());
    }

    /** A transaction's events form one run among the seqs in the table: nothing else committed between them. */
    private static void assertEachTransactionAdjacent(List<StoredEvent> outbox) {
        Map<Long, int[]> runs = new HashMap<>(); // transaction -> first index, last index, count
        for (int i = 0; i < outbox.size(); i++) {
            int index = i;
            runs.merge(outbox.get(i).transaction(), new int[] {i, i, 1},
                    (run, one) -> new int[] {run[0], index, run[2] + 1});
        }
        List<String> split = runs.entrySet().stream().filter(run -> run.getValue()[1] - run.getValue()[0] + 1
                != run.getValue()[2]).map(run -> "transaction %d: %d events spread over seqs %d-%d".formatted(
                        run.getKey(), run.getValue()[2], outbox.get(run.getValue()[0]).seq(),
                        outbox.get(run.getValue()[1]).seq())).limit(10).toList();
        assertThat(split).as("transactions whose events are not adjacent").isEmpty();
        assertThat(runs.values().stream().filter(run -> run[2] > IMPORT_ROWS)).as("imports' transactions").isNotEmpty();
    }

    /**
     * Along the feed each resource starts with its creation, ends with its deletion if any, and each
     * later transaction shows a higher version than the one before (a delete shows the last one).
     * The events of one transaction (updated and price_changed) show the same version.
     */
    private static void assertVersionsRiseAlongTheFeed(List<StoredEvent> outbox) {
        Map<String, StoredEvent> last = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (StoredEvent event : outbox) {
            String resource = event.aggregate() + "-" + event.subject();
            StoredEvent before = last.put(resource, event);
            String problem = problem(before, event);
            if (problem != null) {
                wrong.add(resource + ": " + problem);
            }
        }
        assertThat(wrong).as("resources whose events are out of order").isEmpty();
        assertThat(outbox).as("deals changed several times").anyMatch(e -> e.type().equals("deals.deal.updated")
                && e.version() >= 3);
    }

    private static String problem(StoredEvent before, StoredEvent event) {
        String step = before == null ? "none" : before.type() + " v" + before.version() + " (seq " + before.seq() + ")";
        step += " then " + event.type() + " v" + event.version() + " (seq " + event.seq() + ")";
        if (before == null) {
            return event.type().endsWith(".created") ? null : "first event " + step;
        }
        if (before.type().endsWith(".deleted") || event.type().endsWith(".created")) {
            return step;
        }
        if (before.transaction() == event.transaction()) {
            return before.version() == event.version() ? null : "one transaction, two versions: " + step;
        }
        boolean rose = event.type().endsWith(".deleted") ? event.version() == before.version()
                : event.version() > before.version();
        return rose ? null : step;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }
}
