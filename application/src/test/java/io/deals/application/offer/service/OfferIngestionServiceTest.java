package io.deals.application.offer.service;

import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.port.out.DealImportBatch;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.offer.Offer;
import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.OfferPosition;
import io.deals.application.offer.OfferPositionMovedException;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.RejectedOffer;
import io.deals.application.offer.port.out.OfferMonitor;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.offer.port.out.OfferSource;
import io.deals.application.offer.service.OfferIngestionService.Pacing;
import io.deals.application.shared.Backoff;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.fail;

/**
 * The consumer's own rules: how it groups a batch's offers into rounds, and its loop over small
 * in-memory ports that write down, in one journal, what was done to them. The batches hold only
 * offers that could not be read, so no merge runs: what offers do to the database is tested
 * against the real one in bootstrap's OfferIngestionIT.
 */
class OfferIngestionServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pacing FAST = new Pacing(Duration.ofMillis(5),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
    private static final String TOPIC = "deals.offers";

    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final Source source = new Source();
    private final Positions positions = new Positions();
    private final Transactions transactions = new Transactions();
    private OfferIngestionService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    // --- rounds ---------------------------------------------------------------------------------

    @Test
    void a_deals_offers_go_to_successive_rounds_in_offset_order() {
        Offer a0 = offer(0, "A");
        Offer b1 = offer(1, "B");
        Offer a2 = offer(2, "A");
        Offer a3 = offer(3, "A");
        Offer c4 = offer(4, "C");
        Offer b5 = offer(5, "B");

        assertThat(OfferIngestionService.rounds(List.of(a0, b1, a2, a3, c4, b5)))
                .containsExactly(List.of(a0, b1, c4), List.of(a2, b5), List.of(a3));
    }

    /** The import strips a deal_id, so " A " is deal A: merged in one round, they would meet in one statement. */
    @Test
    void a_deal_id_with_blanks_around_it_is_the_same_deal() {
        Offer plain = offer(0, "A");
        Offer padded = offer(1, " A ");

        assertThat(OfferIngestionService.rounds(List.of(plain, padded))).containsExactly(List.of(plain), List.of(padded));
    }

    @Test
    void unreadable_offers_are_left_out() {
        Offer a0 = offer(0, "A");
        Offer broken = unreadable(1);
        Offer a2 = offer(2, "A");

        assertThat(OfferIngestionService.rounds(List.of(a0, broken, a2))).containsExactly(List.of(a0), List.of(a2));
        assertThat(OfferIngestionService.rounds(List.of(broken))).isEmpty();
    }

    /** The merge refuses an offer without a deal_id; it can meet no other offer of its deal, so the first round takes it. */
    @Test
    void offers_without_a_deal_id_go_to_the_first_round() {
        Offer none0 = offer(0, null);
        Offer a1 = offer(1, "A");
        Offer a2 = offer(2, "A");
        Offer none3 = offer(3, null);

        assertThat(OfferIngestionService.rounds(List.of(none0, a1, a2, none3)))
                .containsExactly(List.of(none0, a1, none3), List.of(a2));
    }

    @Test
    void a_batch_is_cut_in_each_partition_before_a_deals_offer_beyond_the_rounds_a_transaction_takes() {
        List<Offer> offers = new ArrayList<>();
        for (long offset = 0; offset < OfferIngestionService.MAX_ROUNDS + 3; offset++) {
            offers.add(offer(offset, "A"));
        }
        Offer other = Offer.of(new OfferPosition(TOPIC, 1, 40), offer(40, "B").fields());
        OfferBatch batch = new OfferBatch(append(offers, other), List.of(
                new PartitionProgress(TOPIC, 0, OptionalLong.empty(), OfferIngestionService.MAX_ROUNDS + 3),
                new PartitionProgress(TOPIC, 1, OptionalLong.of(40), 41)));

        List<OfferPosition> cuts = OfferIngestionService.beyondRounds(batch.offers());
        OfferBatch cut = batch.cutAt(cuts);

        assertThat(cuts).containsExactly(position(OfferIngestionService.MAX_ROUNDS));
        assertThat(cut.offers()).containsExactlyElementsOf(
                append(offers.subList(0, OfferIngestionService.MAX_ROUNDS), other));
        assertThat(cut.progress()).containsExactly(
                new PartitionProgress(TOPIC, 0, OptionalLong.empty(), OfferIngestionService.MAX_ROUNDS),
                new PartitionProgress(TOPIC, 1, OptionalLong.of(40), 41));
        assertThat(OfferIngestionService.rounds(cut.offers())).hasSize(OfferIngestionService.MAX_ROUNDS);
        assertThat(OfferIngestionService.beyondRounds(cut.offers())).isEmpty();
    }

    // --- the loop -----------------------------------------------------------------------------

    @Test
    void a_batch_is_applied_in_one_transaction_and_the_source_hears_of_it_only_after_the_commit() {
        source.batches.add(batch(7, 8));

        start();

        awaitJournal("applied 0/0/2");
        assertThat(journal).containsExactly("subscribe", "poll 7", "begin", "advance 7", "set aside 7,8", "commit",
                "committed 7", "applied 0/0/2");
        assertThat(service.status().retrying()).isFalse();
    }

    /** An offer refused for its form is also checked by the rules, on the fields it has: every fault at once. */
    @Test
    void an_offer_refused_for_its_form_is_set_aside_with_what_the_rules_find_in_its_other_fields() {
        DealFileRecord fields = offer(0, "A").fields();
        DealFileRecord aboveOriginal = new DealFileRecord(1, true, "A", fields.hotelName(), fields.hotelCity(),
                fields.hotelCountry(), fields.hotelPhone(), fields.hotelStarRating(), null, "120.00",
                fields.originalPrice(), null, fields.checkinDate(), fields.checkoutDate(), null, null, null);
        List<Violation> form = List.of(new Violation("hotel_rating", "unknown_field", "is not a field of an offer"),
                new Violation("room_type", "required", "must be given"));
        source.batches.add(new OfferBatch(List.of(Offer.unreadable(position(0), aboveOriginal, form)),
                List.of(new PartitionProgress(TOPIC, 0, OptionalLong.of(0), 1))));

        start();

        awaitJournal("applied 0/0/1");
        assertThat(source.setAside).singleElement().extracting(RejectedOffer::reasons).asList()
                .extracting("field", "code")
                .containsExactly(tuple("hotel_rating", "unknown_field"), tuple("room_type", "required"),
                        tuple("price_per_night", "price_above_original"));
    }

    @Test
    void a_failed_batch_rolls_back_and_is_read_again_after_a_growing_pause_that_starts_over_after_a_success() {
        source.batches.add(batch(1));
        source.batches.add(batch(2, 3));
        source.failSetAside(true, true, true, false, true);

        start();

        awaitJournal("applied 0/0/2");
        assertThat(journal).containsExactly("subscribe",
                "poll 1", "begin", "advance 1", "set aside 1 failed", "rollback", "rewind", "failed in 10 ms",
                "poll 1", "begin", "advance 1", "set aside 1 failed", "rollback", "rewind", "failed in 20 ms",
                "poll 1", "begin", "advance 1", "set aside 1 failed", "rollback", "rewind", "failed in 40 ms",
                "poll 1", "begin", "advance 1", "set aside 1", "commit", "committed 1", "applied 0/0/1",
                "poll 2", "begin", "advance 2", "set aside 2,3 failed", "rollback", "rewind", "failed in 10 ms",
                "poll 2", "begin", "advance 2", "set aside 2,3", "commit", "committed 2", "applied 0/0/2");
    }

    @Test
    void a_batch_whose_partition_another_consumer_took_over_is_dropped_and_read_again_at_once() {
        source.batches.add(batch(3));
        positions.moved.set(1);

        start();

        awaitJournal("applied 0/0/1");
        assertThat(journal).containsExactly("subscribe",
                "poll 3", "begin", "advance 3 moved", "rollback", "rewind", "overtaken",
                "poll 3", "begin", "advance 3", "set aside 3", "commit", "committed 3", "applied 0/0/1");
    }

    @Test
    void the_status_tells_the_last_error_while_retrying_and_the_lag_the_source_counts() {
        source.batches.add(batch(4));
        source.failSetAside(true);
        source.lag = 12;
        Pacing slowRetry = new Pacing(FAST.poll(), new Backoff(Duration.ofHours(1), Duration.ofHours(1)));

        start(slowRetry);

        awaitJournal("failed in 3600000 ms");
        assertThat(service.status().lastError()).hasValue("the broker did not acknowledge");
        assertThat(service.status().lag()).isEqualTo(12);
    }

    @Test
    void closing_stops_a_pause_and_closes_the_source() {
        source.batches.add(batch(5));
        source.failSetAside(true);
        start(new Pacing(FAST.poll(), new Backoff(Duration.ofHours(1), Duration.ofHours(1))));
        awaitJournal("failed in 3600000 ms");

        service.close();

        assertThat(journal).endsWith("failed in 3600000 ms", "close");
    }

    @Test
    void a_failure_no_retry_can_mend_stops_the_consumer_and_leaves_its_reason_in_the_status() {
        source.pollFails = new OutOfMemoryError("Java heap space");

        start();

        awaitJournal("stopped");
        assertThat(journal).containsExactly("subscribe", "close", "stopped");
        assertThat(service.status().lastError()).contains("the consumer stopped: Java heap space");
    }

    // --- helpers --------------------------------------------------------------------------------

    private void start() {
        start(FAST);
    }

    private void start(Pacing pacing) {
        DealImports noMerge = new DealImports() {
            @Override
            public DealImportBatch begin() {
                throw new AssertionError("these batches hold no offer to merge");
            }

            @Override
            public void appendEvents() {
                throw new AssertionError("these batches stage no events");
            }
        };
        service = new OfferIngestionService(source, positions, noMerge, transactions, () -> Instant.EPOCH,
                new Monitor(), pacing);
        service.start();
    }

    private void awaitJournal(String entry) {
        await(() -> journal.contains(entry), entry);
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("no %s within %s; journal: %s", what, PATIENCE, journal);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static Offer offer(long offset, String dealId) {
        return Offer.of(position(offset), new DealFileRecord(offset + 1, true, dealId, "Hotel Sol", "Lisbon",
                "Portugal", "+351 210 000 000", "4", "Double", "80.00", "100.00", null, "2027-06-01", "2027-06-04",
                null, null, null));
    }

    private static List<Offer> append(List<Offer> offers, Offer last) {
        List<Offer> all = new ArrayList<>(offers);
        all.add(last);
        return all;
    }

    private static Offer unreadable(long offset) {
        return Offer.unreadable(position(offset), null, List.of(new Violation("value", "malformed_json", "is not JSON")));
    }

    /** Unreadable offers at {@code offsets} of partition 0, the first of them the batch's name in the journal. */
    private static OfferBatch batch(long... offsets) {
        List<Offer> offers = Arrays.stream(offsets).mapToObj(OfferIngestionServiceTest::unreadable).toList();
        return new OfferBatch(offers, List.of(new PartitionProgress(TOPIC, 0, OptionalLong.of(offsets[0]),
                offsets[offsets.length - 1] + 1)));
    }

    private static OfferPosition position(long offset) {
        return new OfferPosition(TOPIC, 0, offset);
    }

    private static String name(OfferBatch batch) {
        return Long.toString(batch.offers().get(0).position().offset());
    }

    /**
     * Batches in order; the one polled stays the next until it is committed, so a rewind reads it
     * again. An empty poll waits its timeout, as a real one does.
     */
    private final class Source implements OfferSource {

        final Deque<OfferBatch> batches = new ArrayDeque<>();
        final List<RejectedOffer> setAside = new CopyOnWriteArrayList<>();
        /** Whether each setAside in turn fails; those beyond succeed. */
        private final Queue<Boolean> setAsideFails = new ConcurrentLinkedQueue<>();
        volatile long lag;
        /** Thrown by every poll when set: a failure the loop cannot retry. */
        volatile Error pollFails;

        void failSetAside(Boolean... fails) {
            setAsideFails.addAll(List.of(fails));
        }

        @Override
        public void subscribe(OfferPositions stored) {
            assertThat(stored).isSameAs(positions);
            journal.add("subscribe");
        }

        @Override
        public synchronized OfferBatch poll(Duration timeout) {
            if (pollFails != null) {
                throw pollFails;
            }
            OfferBatch next = batches.peek();
            if (next == null) {
                LockSupport.parkNanos(timeout.toNanos());
                return new OfferBatch(List.of(), List.of());
            }
            journal.add("poll " + name(next));
            return next;
        }

        @Override
        public void setAside(List<RejectedOffer> rejected) {
            setAside.addAll(rejected);
            String offsets = String.join(",", rejected.stream().map(offer -> Long.toString(offer.position().offset()))
                    .toList());
            if (Boolean.TRUE.equals(setAsideFails.poll())) {
                journal.add("set aside " + offsets + " failed");
                throw new IllegalStateException("the broker did not acknowledge");
            }
            journal.add("set aside " + offsets);
        }

        @Override
        public synchronized void committed(OfferBatch batch) {
            assertThat(batches.poll()).isSameAs(batch);
            journal.add("committed " + name(batch));
        }

        @Override
        public void rewind() {
            journal.add("rewind");
        }

        @Override
        public long lag() {
            return lag;
        }

        @Override
        public void close() {
            journal.add("close");
        }
    }

    /** Advances from where each batch starts; moved by another consumer as often as {@code moved} says. */
    private final class Positions implements OfferPositions {

        final AtomicInteger moved = new AtomicInteger();

        @Override
        public Map<Integer, Long> stored(String topic, Collection<Integer> partitions) {
            throw new AssertionError("the source reads the stored positions, not the service");
        }

        @Override
        public void advance(List<PartitionProgress> progress) {
            String from = Long.toString(progress.get(0).stored().getAsLong());
            if (moved.getAndUpdate(times -> Math.max(0, times - 1)) > 0) {
                journal.add("advance " + from + " moved");
                throw new OfferPositionMovedException(progress.get(0));
            }
            journal.add("advance " + from);
        }
    }

    private final class Transactions implements TransactionRunner {

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            journal.add("begin");
            try {
                T result = work.get();
                journal.add("commit");
                return result;
            } catch (RuntimeException e) {
                journal.add("rollback");
                throw e;
            }
        }
    }

    private final class Monitor implements OfferMonitor {

        @Override
        public void applied(long applied, long unchanged, long deadLettered) {
            journal.add("applied " + applied + "/" + unchanged + "/" + deadLettered);
        }

        @Override
        public void failed(RuntimeException cause, Duration retryIn) {
            journal.add("failed in " + retryIn.toMillis() + " ms");
        }

        @Override
        public void overtaken(RuntimeException cause) {
            journal.add("overtaken");
        }

        @Override
        public void stopped(Throwable cause) {
            journal.add("stopped");
        }
    }
}
