package io.deals.application.event.service;

import io.deals.application.event.EventPublishingException;
import io.deals.application.event.EventSlice;
import io.deals.application.event.RelayLeaseLostException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.RelayStatus;
import io.deals.application.event.port.in.RelayStatus.Role;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.port.out.RelayLease;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.event.port.out.RelayMonitor;
import io.deals.application.event.service.EventRelayService.Pacing;
import io.deals.application.shared.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The relay's loop over in-memory ports (an event log, a lease table, a broker), fast-paced. The
 * lease, the log and the broker are real in bootstrap's KafkaRelayIT; this covers the loop's rules.
 */
class EventRelayServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pacing FAST = new Pacing(Duration.ofMillis(5), Duration.ofMillis(20),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)));

    private final Log log = new Log();
    private final Leases leases = new Leases();
    private final Broker broker = new Broker();
    private final Monitor monitor = new Monitor();
    private final List<EventRelayService> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(EventRelayService::close);
    }

    private EventRelayService relay(int batchSize, Pacing pacing) {
        EventRelayService relay = new EventRelayService("kafka", log, leases, broker, monitor, batchSize, pacing);
        relays.add(relay);
        relay.start();
        return relay;
    }

    @Test
    void publishes_every_event_in_commit_order_a_batch_at_a_time_storing_the_position_after_each() {
        log.append(25);

        EventRelayService relay = relay(10, FAST);

        await(() -> leases.position == 25);
        assertThat(broker.batches()).containsExactly(seqs(1, 10), seqs(11, 20), seqs(21, 25));
        assertThat(leases.advances).containsExactly(10L, 20L, 25L);
        RelayStatus status = relay.status();
        assertThat(status.role()).isEqualTo(Role.LEADER);
        assertThat(status.position()).isEqualTo(25);
        assertThat(status.unpublished()).isZero();
    }

    @Test
    void a_failed_publish_is_retried_from_the_stored_position_with_a_growing_pause_so_nothing_is_lost() {
        log.append(5);
        broker.failures.set(3);

        relay(10, FAST);

        await(() -> leases.position == 5);
        assertThat(broker.batches()).as("stored by the failed attempts too, then once acknowledged")
                .containsExactly(seqs(1, 5), seqs(1, 5), seqs(1, 5), seqs(1, 5));
        assertThat(monitor.retries).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
        assertThat(leases.advances).containsExactly(5L);
    }

    @Test
    void a_relay_that_loses_its_lease_between_publishing_and_storing_publishes_that_batch_again_and_nothing_else() {
        log.append(20);
        broker.afterPublish = () -> {
            if (broker.batches().size() == 2) {
                leases.connectionDies();
            }
        };

        relay(10, FAST);

        await(() -> leases.position == 20);
        assertThat(broker.batches()).containsExactly(seqs(1, 10), seqs(11, 20), seqs(11, 20));
        assertThat(monitor.lost).hasValue(1);
    }

    @Test
    void the_lag_counts_the_batch_being_published() throws InterruptedException {
        log.append(7);
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        broker.afterPublish = () -> {
            publishing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        EventRelayService relay = relay(10, FAST);

        assertThat(publishing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(relay.status().unpublished()).isEqualTo(7);
        release.countDown();
        await(() -> relay.status().unpublished() == 0);
    }

    @Test
    void a_standby_publishes_nothing_while_another_process_leads_then_takes_over_from_the_stored_position() {
        log.append(30);
        leases.position = 12;
        leases.heldElsewhere = true;

        EventRelayService relay = relay(100, FAST);

        await(() -> leases.attempts.get() >= 3 && relay.status().unpublished() == 18);
        assertThat(relay.status().role()).isEqualTo(Role.STANDBY);
        assertThat(broker.batches()).isEmpty();

        leases.heldElsewhere = false;

        await(() -> leases.position == 30);
        assertThat(broker.batches()).containsExactly(seqs(13, 30));
    }

    @Test
    void an_idle_leader_that_is_woken_publishes_new_events_at_once() {
        log.append(3);
        Pacing hourlyPoll = new Pacing(Duration.ofHours(1), FAST.leaseRetry(), FAST.backoff());
        EventRelayService relay = relay(10, hourlyPoll);
        await(() -> leases.position == 3);

        log.append(2);
        relay.wake();

        await(() -> leases.position == 5);
        assertThat(broker.batches()).containsExactly(seqs(1, 3), seqs(4, 5));
    }

    @Test
    void closing_stops_the_relay_and_gives_the_lease_up() {
        log.append(3);
        EventRelayService relay = relay(10, FAST);
        await(() -> leases.position == 3);

        relay.close();

        assertThat(leases.holder).isNull();
        log.append(2);
        assertThat(leases.position).isEqualTo(3);
    }

    @Test
    void backs_off_for_1_2_4_8_then_8_seconds() {
        assertThat(LongStream.rangeClosed(1, 6).mapToObj(failures -> Backoff.DEFAULT.delay((int) failures)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    private static List<Long> seqs(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not reached within " + PATIENCE);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Events appended in order; every one up to the head is visible. */
    private static final class Log implements EventLog {

        private final List<ChangeEvent> events = new ArrayList<>();

        synchronized void append(int count) {
            for (int i = 0; i < count; i++) {
                long seq = events.size() + 1;
                events.add(new ChangeEvent(seq, UUID.randomUUID(), "deal", seq, "deals.deal.created", Instant.EPOCH, "{}"));
            }
        }

        @Override
        public synchronized EventSlice after(long after, int limit, EventFilter filter) {
            return new EventSlice(events.stream().filter(e -> e.seq() > after).limit(limit).toList(), events.size(), 0);
        }
    }

    /** One lease table row, and the lock: held by one of our leases, by another process, or by no one. */
    private static final class Leases implements RelayLeases {

        volatile long position;
        volatile boolean heldElsewhere;
        volatile Lease holder;
        final List<Long> advances = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public synchronized Optional<RelayLease> tryAcquire(String name) {
            attempts.incrementAndGet();
            if (heldElsewhere || holder != null) {
                return Optional.empty();
            }
            holder = new Lease(position);
            return Optional.of(holder);
        }

        @Override
        public long position(String name) {
            return position;
        }

        /** The holder's database connection breaks: the lock is free at once, the holder cannot store anymore. */
        synchronized void connectionDies() {
            holder.alive = false;
            holder = null;
        }

        private final class Lease implements RelayLease {

            private final long start;
            volatile boolean alive = true;

            Lease(long start) {
                this.start = start;
            }

            @Override
            public long position() {
                return start;
            }

            @Override
            public boolean held() {
                return alive;
            }

            @Override
            public void advance(long newPosition) {
                if (!alive) {
                    throw new RelayLeaseLostException("connection broke", null);
                }
                advances.add(newPosition);
                position = newPosition;
            }

            @Override
            public void close() {
                synchronized (Leases.this) {
                    if (holder == this) {
                        holder = null;
                    }
                }
            }
        }
    }

    /** Stores every batch it is given; fails the next {@code failures} after storing them (the acks were lost). */
    private static final class Broker implements EventPublisher {

        private final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile Runnable afterPublish = () -> { };

        @Override
        public void publish(List<ChangeEvent> events) {
            batches.add(events.stream().map(ChangeEvent::seq).toList());
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new EventPublishingException("no acknowledgement", null);
            }
            afterPublish.run();
        }

        List<List<Long>> batches() {
            return List.copyOf(batches);
        }

        @Override
        public boolean reachable() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static final class Monitor implements RelayMonitor {

        final List<Duration> retries = new CopyOnWriteArrayList<>();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public void leading(String relay, long position) {
        }

        @Override
        public void leaseLost(String relay, RuntimeException cause) {
            lost.incrementAndGet();
        }

        @Override
        public void published(String relay, int events, long position) {
        }

        @Override
        public void failed(String relay, RuntimeException cause, Duration retryIn) {
            retries.add(retryIn);
        }
    }
}
