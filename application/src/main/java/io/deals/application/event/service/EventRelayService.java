package io.deals.application.event.service;

import io.deals.application.event.EventSlice;
import io.deals.application.event.RelayLeaseLostException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.event.port.in.RelayStatus;
import io.deals.application.event.port.in.RelayStatus.Role;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.port.out.RelayLease;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.event.port.out.RelayMonitor;
import io.deals.application.shared.Backoff;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Relays the recorded events in commit order to a broker, at least once: a crash may publish some
 * twice, but never skips one.
 *
 * <p>Every server process runs a relay; the one holding the lease leads, the others stand by and
 * retry the lease every 2 s, so one of them takes over within seconds when the leader dies. The
 * leader reads a batch after the stored position, publishes it, and only once the broker has
 * acknowledged all of it advances the position through the lease (which fails if the lease was
 * lost). When the broker fails it retries from the stored position after 1, 2, 4, 8, 8... s; writers
 * are never held up, their events wait in the outbox. Idle, it looks for new events every 250 ms, or
 * at once when {@link #wake() woken}.
 */
public final class EventRelayService implements RelayQueries, AutoCloseable {

    /** How long to wait for the relay's thread when stopping, before and after interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** How often the relay looks for new events and tries the lease, and how it backs off. */
    record Pacing(Duration idlePoll, Duration leaseRetry, Backoff backoff) {

        static final Pacing DEFAULT = new Pacing(Duration.ofMillis(250), Duration.ofSeconds(2), Backoff.DEFAULT);
    }

    /** What the relay knows of its own progress; the broker's reachability is asked when needed. */
    private record Progress(Role role, long position, long head, String lastError) {
    }

    private final String name;
    private final EventLog log;
    private final RelayLeases leases;
    private final EventPublisher publisher;
    private final RelayMonitor monitor;
    private final int batchSize;
    private final Pacing pacing;
    private final Thread thread;
    private final Semaphore wakeups = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Progress progress = new Progress(Role.STANDBY, 0, 0, null);

    /** Relay {@code name} reads and publishes up to {@code batchSize} events at a time; {@link #start()} starts it. */
    public EventRelayService(String name, EventLog log, RelayLeases leases, EventPublisher publisher,
                             RelayMonitor monitor, int batchSize) {
        this(name, log, leases, publisher, monitor, batchSize, Pacing.DEFAULT);
    }

    EventRelayService(String name, EventLog log, RelayLeases leases, EventPublisher publisher, RelayMonitor monitor,
                      int batchSize, Pacing pacing) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive: " + batchSize);
        }
        this.name = name;
        this.log = log;
        this.leases = leases;
        this.publisher = publisher;
        this.monitor = monitor;
        this.batchSize = batchSize;
        this.pacing = pacing;
        this.thread = new Thread(this::run, "deals-relay-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts relaying (or standing by) on a thread of its own. */
    public void start() {
        thread.start();
    }

    /** New events were committed: an idle leader looks for them now rather than at its next poll. */
    public void wake() {
        wakeups.release();
    }

    @Override
    public RelayStatus status() {
        Progress now = progress;
        return new RelayStatus(now.role(), now.position(), Math.max(0, now.head() - now.position()),
                publisher.reachable(), Optional.ofNullable(now.lastError()));
    }

    /**
     * Stops relaying and gives the lease up: a publish in progress gets a few seconds to finish, then
     * it is interrupted (its events are published again by the next leader).
     */
    @Override
    public void close() {
        stopping.countDown();
        wakeups.release();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopped()) {
            try {
                Optional<RelayLease> lease = leases.tryAcquire(name);
                if (lease.isPresent()) {
                    try (RelayLease held = lease.get()) {
                        lead(held);
                    }
                    progress = new Progress(Role.STANDBY, progress.position(), progress.head(), progress.lastError());
                } else {
                    standBy();
                }
            } catch (RuntimeException databaseFailure) {
                progress = new Progress(Role.STANDBY, progress.position(), progress.head(), describe(databaseFailure));
                monitor.failed(name, databaseFailure, pacing.leaseRetry());
            }
            pause(pacing.leaseRetry());
        }
    }

    /** Refreshes what a standby reports: the leader's stored position and the head. */
    private void standBy() {
        long position = leases.position(name);
        long head = log.after(position, 1, EventFilter.ALL).head();
        progress = new Progress(Role.STANDBY, position, head, null);
        publisher.reachable();
    }

    /** Publishes while the lease holds and the relay is not stopped. */
    private void lead(RelayLease lease) {
        long position = lease.position();
        long head = Math.max(position, progress.head());
        progress = new Progress(Role.LEADER, position, head, null);
        monitor.leading(name, position);
        int failures = 0;
        while (!stopped()) {
            if (!lease.held()) {
                monitor.leaseLost(name, new RelayLeaseLostException("the lease's connection broke", null));
                return;
            }
            try {
                EventSlice slice = log.after(position, batchSize, EventFilter.ALL);
                head = slice.head();
                // The lag counts the batch being published: a publish may take a while to fail.
                progress = new Progress(Role.LEADER, position, head, progress.lastError());
                List<ChangeEvent> events = slice.events();
                if (!events.isEmpty()) {
                    publisher.publish(events);
                    long last = events.get(events.size() - 1).seq();
                    lease.advance(last);
                    position = last;
                    monitor.published(name, events.size(), position);
                }
                progress = new Progress(Role.LEADER, position, head, null);
                failures = 0;
                if (events.isEmpty()) {
                    publisher.reachable();
                    idle();
                }
            } catch (RelayLeaseLostException lost) {
                monitor.leaseLost(name, lost);
                return;
            } catch (RuntimeException failure) {
                // The broker or the database failed: the stored position is where to start again.
                Duration retryIn = pacing.backoff().delay(++failures);
                progress = new Progress(Role.LEADER, position, head, describe(failure));
                monitor.failed(name, failure, retryIn);
                pause(retryIn);
            }
        }
    }

    private void idle() {
        try {
            if (wakeups.tryAcquire(pacing.idlePoll().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration delay) {
        try {
            stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    private static String describe(RuntimeException failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
