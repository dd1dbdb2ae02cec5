package io.deals.application.event.service;

import io.deals.application.event.EventListener;
import io.deals.application.event.EventListener.End;
import io.deals.application.event.EventSlice;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.EventsGoneException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The subscription logic over an in-memory log that behaves as the real one does (a snapshot sees
 * every event up to its head). The real log, signals and HTTP are covered by the bootstrap ITs.
 */
class EventStreamServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final MemoryLog log = new MemoryLog();
    private final ManualSignals signals = new ManualSignals();
    private final List<RuntimeException> failures = new ArrayList<>();
    private EventStreamService service = new EventStreamService(log, signals, Duration.ofHours(1), failures::add);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void a_subscriber_gets_the_recorded_events_page_by_page_then_each_commit_exactly_once_in_order() throws Exception {
        log.append(2_500);
        Recorder recorder = new Recorder();
        service.subscribe(null, EventFilter.ALL, recorder);
        assertThat(recorder.take(2_500)).containsExactlyElementsOf(seqs(1, 2_500));

        log.append(3);
        signals.fire();
        assertThat(recorder.take(3)).containsExactly(2_501L, 2_502L, 2_503L);
        signals.fire();
        log.append(1);
        signals.fire();
        assertThat(recorder.take(1)).containsExactly(2_504L);
        signals.fire();
        service.close();
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void one_read_per_signal_serves_every_live_subscriber() throws Exception {
        log.append(5);
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Recorder recorder = new Recorder();
            // Not EventFilter.ALL, so that the log can tell the shared reader's reads from theirs.
            service.subscribe(null, new EventFilter(EventFilter.TYPES, null), recorder);
            recorders.add(recorder);
        }
        for (Recorder recorder : recorders) {
            assertThat(recorder.take(5)).containsExactlyElementsOf(seqs(1, 5));
        }
        log.append(2);
        signals.fire();
        for (Recorder recorder : recorders) {
            assertThat(recorder.take(2)).containsExactly(6L, 7L);
        }
        assertThat(log.sharedReads.get()).isEqualTo(1);
    }

    @Test
    void subscribers_at_any_position_see_every_matching_event_once_while_commits_keep_coming() throws Exception {
        log.append(1_200);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                log.append(1 + i % 7);
                signals.fire();
            }
        });
        List<Recorder> recorders = new ArrayList<>();
        List<EventFilter> filters = new ArrayList<>();
        writer.start();
        for (int i = 0; i < 12; i++) {
            EventFilter filter = i % 3 == 0 ? new EventFilter(Set.of("deals.deal.updated"), null)
                    : i % 3 == 1 ? new EventFilter(Set.of(), 5L) : EventFilter.ALL;
            Recorder recorder = new Recorder();
            service.subscribe((long) i * 100, filter, recorder);
            recorders.add(recorder);
            filters.add(filter);
        }
        writer.join();
        signals.fire();
        for (int i = 0; i < recorders.size(); i++) {
            List<Long> expected = log.matching((long) i * 100, filters.get(i));
            assertThat(recorders.get(i).take(expected.size())).as("subscriber %d", i).containsExactlyElementsOf(expected);
        }
        signals.fire();
        log.append(1);
        signals.fire();
        long last = log.head();
        recorders.get(2).take(1);
        for (Recorder recorder : recorders) {
            assertThat(recorder.events).as("nothing twice").allMatch(seq -> seq == last);
        }
    }

    @Test
    void a_commit_signalled_while_a_subscriber_read_its_first_page_still_reaches_it() throws Exception {
        log.append(3);
        log.afterNextSnapshot(() -> {
            log.append(1);
            signals.fire();
        });
        Recorder recorder = new Recorder();
        service.subscribe(null, EventFilter.ALL, recorder);
        assertThat(recorder.take(4)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void a_subscriber_joining_behind_the_shared_reader_gets_what_it_missed_and_the_others_nothing_twice()
            throws Exception {
        log.append(3);
        Recorder ahead = new Recorder();
        service.subscribe(null, EventFilter.ALL, ahead);
        assertThat(ahead.take(3)).containsExactly(1L, 2L, 3L);
        Recorder behind = new Recorder();
        log.afterNextSnapshot(() -> {
            // The shared reader hands out 4 and 5 before the late subscriber, whose page ended at 3, joins.
            log.append(2);
            signals.fire();
            uncheckedTake(ahead, 2);
        });
        service.subscribe(null, EventFilter.ALL, behind);
        assertThat(behind.take(5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        log.append(1);
        signals.fire();
        assertThat(behind.take(1)).containsExactly(6L);
        assertThat(ahead.take(1)).as("6 and nothing twice before it").containsExactly(6L);
    }

    @Test
    void filters_by_type_and_subject_and_still_moves_past_what_it_skips() throws Exception {
        log.append(40);
        Recorder recorder = new Recorder();
        service.subscribe(10L, new EventFilter(Set.of("deals.deal.updated", "deals.hotel.created"), 3L), recorder);
        List<Long> expected = log.matching(10, new EventFilter(Set.of("deals.deal.updated", "deals.hotel.created"), 3L));
        assertThat(expected).isNotEmpty();
        assertThat(recorder.take(expected.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void a_position_retention_has_passed_is_refused_at_subscribe_time() throws Exception {
        log.append(10);
        log.deleteThrough(5);
        assertThatThrownBy(() -> service.subscribe(4L, EventFilter.ALL, new Recorder()))
                .isInstanceOf(EventsGoneException.class);
        Recorder fromOldest = new Recorder();
        service.subscribe(null, EventFilter.ALL, fromOldest);
        assertThat(fromOldest.take(5)).containsExactly(6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void a_listener_that_throws_is_dropped_and_told_while_the_others_go_on() throws Exception {
        Recorder healthy = new Recorder();
        Recorder failing = new Recorder() {
            @Override
            public void onEvent(ChangeEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        service.subscribe(null, EventFilter.ALL, healthy);
        service.subscribe(null, EventFilter.ALL, failing);
        log.append(2);
        signals.fire();
        assertThat(failing.end.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(End.LISTENER_FAILED);
        assertThat(failures).extracting(Throwable::getMessage).contains("listener bug");
        assertThat(healthy.take(2)).containsExactly(1L, 2L);
        assertThat(healthy.end).isNotDone();
    }

    @Test
    void a_listener_too_slow_for_the_live_pace_falls_back_to_paging_and_misses_nothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        Recorder slow = new Recorder() {
            @Override
            public void onEvent(ChangeEvent event) {
                blocked.countDown();
                await(release);
                super.onEvent(event);
            }
        };
        Recorder quick = new Recorder();
        service.subscribe(null, EventFilter.ALL, slow);
        service.subscribe(null, EventFilter.ALL, quick);
        log.append(1);
        signals.fire();
        blocked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            log.append(EventStreamService.PAGE);
            signals.fire();
        }
        int total = 1 + 12 * EventStreamService.PAGE;
        assertThat(quick.take(total)).containsExactlyElementsOf(seqs(1, total));
        release.countDown();
        assertThat(slow.take(total)).containsExactlyElementsOf(seqs(1, total));

        log.append(1);
        signals.fire();
        assertThat(slow.take(1)).as("live again").containsExactly(total + 1L);
        assertThat(slow.end).isNotDone();
    }

    @Test
    void a_listener_that_is_not_ready_gets_nothing_until_it_resumes_then_everything_in_order() throws Exception {
        log.append(5);
        CountDownLatch asked = new CountDownLatch(1);
        AtomicBoolean ready = new AtomicBoolean();
        Recorder held = new Recorder() {
            @Override
            public boolean ready() {
                asked.countDown();
                return ready.get();
            }
        };
        EventSubscription subscription = service.subscribe(null, EventFilter.ALL, held);
        assertThat(asked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        log.append(2 * EventStreamService.PAGE);
        signals.fire();
        assertThat(held.events).isEmpty();

        ready.set(true);
        subscription.resume();
        int total = 5 + 2 * EventStreamService.PAGE;
        assertThat(held.take(total)).containsExactlyElementsOf(seqs(1, total));
    }

    @Test
    void listeners_catching_up_on_a_long_log_take_turns_with_the_live_subscribers() throws Exception {
        log.append(3);
        Recorder live = new Recorder();
        service.subscribe(null, EventFilter.ALL, live);
        assertThat(live.take(3)).containsExactly(1L, 2L, 3L);
        // As many catching up as the pool has threads, each always ready and never at the end of its log.
        List<CountDownLatch> catchingUp = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CountDownLatch started = new CountDownLatch(1);
            service.subscribe(null, MemoryLog.ENDLESS, event -> started.countDown());
            catchingUp.add(started);
        }
        for (CountDownLatch started : catchingUp) {
            assertThat(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        log.append(1);
        signals.fire();
        assertThat(live.take(1)).containsExactly(4L);
    }

    @Test
    void heartbeats_come_at_the_interval_while_nothing_happens() throws Exception {
        service.close();
        service = new EventStreamService(log, signals, Duration.ofMillis(50), failures::add);
        Recorder recorder = new Recorder();
        service.subscribe(null, EventFilter.ALL, recorder);
        assertThat(recorder.heartbeats.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(recorder.heartbeats.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void a_closed_subscription_gets_nothing_more_and_is_not_told_of_its_end() throws Exception {
        Recorder recorder = new Recorder();
        EventSubscription subscription = service.subscribe(null, EventFilter.ALL, recorder);
        Recorder witness = new Recorder();
        service.subscribe(null, EventFilter.ALL, witness);
        subscription.close();
        log.append(2);
        signals.fire();
        assertThat(witness.take(2)).containsExactly(1L, 2L);
        assertThat(recorder.events).isEmpty();
        service.close();
        assertThat(recorder.end).isNotDone();
    }

    @Test
    void closing_the_service_tells_every_subscriber_and_stops_listening() throws Exception {
        Recorder recorder = new Recorder();
        service.subscribe(null, EventFilter.ALL, recorder);
        assertThat(signals.listening).isTrue();
        service.close();
        assertThat(recorder.end.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(End.STOPPED);
        assertThat(recorder.ends).hasValue(1);
        assertThat(signals.listening).isFalse();
        assertThatThrownBy(() -> service.subscribe(null, EventFilter.ALL, new Recorder()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothing_listens_before_the_first_subscription() {
        assertThat(signals.listening).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void uncheckedTake(Recorder recorder, int n) {
        try {
            recorder.take(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what it is told. */
    private static class Recorder implements EventListener {

        final BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> heartbeats = new LinkedBlockingQueue<>();
        final CompletableFuture<End> end = new CompletableFuture<>();
        final AtomicInteger ends = new AtomicInteger();

        @Override
        public void onEvent(ChangeEvent event) {
            events.add(event.seq());
        }

        @Override
        public void onHeartbeat() {
            heartbeats.add(true);
        }

        @Override
        public void onEnd(End why) {
            ends.incrementAndGet();
            end.complete(why);
        }

        List<Long> take(int n) throws InterruptedException {
            List<Long> taken = new ArrayList<>();
            while (taken.size() < n) {
                Long seq = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(seq).as("event %d of %d (got %s)", taken.size() + 1, n, taken.size()).isNotNull();
                taken.add(seq);
            }
            return taken;
        }
    }

    /** The events of a feed in memory: seq order is commit order, a snapshot sees everything up to its head. */
    private static final class MemoryLog implements EventLog {

        private static final String[] TYPES = {"deals.hotel.created", "deals.deal.created", "deals.deal.updated",
                "deals.deal.price_changed"};
        /** Reads with this filter find a log too long to catch up with during a test: every page is full. */
        static final EventFilter ENDLESS = new EventFilter(Set.of(), -1L);

        private final List<ChangeEvent> events = new ArrayList<>();
        private long deletedThrough;
        private volatile Runnable afterSnapshot;
        final AtomicInteger sharedReads = new AtomicInteger();

        synchronized void append(int n) {
            for (int i = 0; i < n; i++) {
                events.add(event(events.size() + 1));
            }
        }

        private static ChangeEvent event(long seq) {
            String type = TYPES[(int) (seq % TYPES.length)];
            return new ChangeEvent(seq, new UUID(0, seq), type.split("\\.")[1], seq % 7, type, Instant.EPOCH, "{}");
        }

        synchronized void deleteThrough(long seq) {
            deletedThrough = seq;
        }

        synchronized long head() {
            return Math.max(events.size(), deletedThrough);
        }

        synchronized List<Long> matching(long after, EventFilter filter) {
            return events.stream().filter(e -> e.seq() > after && filter.matches(e)).map(ChangeEvent::seq).toList();
        }

        /** Runs {@code action} once, right after the next read has taken its snapshot and before it returns. */
        void afterNextSnapshot(Runnable action) {
            afterSnapshot = action;
        }

        @Override
        public EventSlice after(long after, int limit, EventFilter filter) {
            if (filter.equals(ENDLESS)) {
                return new EventSlice(LongStream.rangeClosed(after + 1, after + limit).mapToObj(MemoryLog::event).toList(),
                        after + 2L * limit, 0);
            }
            EventSlice slice = snapshot(after, limit, filter);
            Runnable action = afterSnapshot;
            afterSnapshot = null;
            if (action != null) {
                action.run();
            }
            return slice;
        }

        private synchronized EventSlice snapshot(long after, int limit, EventFilter filter) {
            if (filter.equals(EventFilter.ALL)) {
                sharedReads.incrementAndGet();
            }
            List<ChangeEvent> page = events.stream()
                    .filter(e -> e.seq() > Math.max(after, deletedThrough) && filter.matches(e))
                    .limit(limit).toList();
            return new EventSlice(page, head(), deletedThrough);
        }
    }

    private static final class ManualSignals implements EventSignals {

        private volatile Runnable appended;
        volatile boolean listening;

        @Override
        public Listening listen(Runnable appended) {
            this.appended = appended;
            listening = true;
            return () -> listening = false;
        }

        void fire() {
            if (appended != null) {
                appended.run();
            }
        }
    }
}
