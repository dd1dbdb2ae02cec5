package io.deals.application.event.service;

import io.deals.application.event.EventListener;
import io.deals.application.event.EventListener.End;
import io.deals.application.event.EventSlice;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.EventsGoneException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.in.EventQueries;
import io.deals.application.event.port.in.EventStreamQueries;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventSignals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Pushes the feed to subscribers. A subscriber behind the head pages through the log on its own,
 * one page at a time (the next once the last is delivered); once a page reaches the head it goes
 * live. All live subscribers share one reader, which reads once per signal and hands each the
 * events past its own position that match its filter, so a commit costs one query however many
 * follow. A live subscriber with a page still undelivered gets no more: it falls back to paging,
 * so a slow listener holds at most about two pages.
 *
 * <p>Two threads deliver, one task per subscriber at a time; a task delivers at most {@link #TURN}
 * events, then queues again behind the others, so that subscribers catching up on a long log take
 * turns with the rest instead of holding both threads. A listener slow to return still holds a
 * thread while it runs. The heartbeat, retries and the shared reader have a thread of their own,
 * which never calls a listener.
 *
 * <p>Every piece of state is guarded by this object's lock, which is never held while reading the
 * log or calling a listener. Started by the first subscription; {@link #close()} stops it.
 */
public final class EventStreamService implements EventStreamQueries, AutoCloseable {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    static final int PAGE = EventQueries.MAX_LIMIT;
    /** Events one delivery task hands its subscriber before queueing again behind the others. */
    static final int TURN = PAGE;
    private static final long UNKNOWN = -1;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    private final EventLog log;
    private final EventSignals signals;
    private final Duration heartbeat;
    private final Consumer<RuntimeException> failures;
    /** Calls the listeners, in turns (first queued, first run). */
    private final ThreadPoolExecutor deliveries;
    /** Beats, retries and reads for the live subscribers: never calls a listener, so no listener holds it up. */
    private final ScheduledThreadPoolExecutor timer;

    private final Set<Subscriber> subscribers = new HashSet<>();
    private final Set<Subscriber> live = new HashSet<>();
    /** Every event up to here has been handed to the live subscribers; UNKNOWN while none is live. */
    private long readThrough = UNKNOWN;
    /** Signals so far: one that came while a subscriber read its page may announce a commit past that page. */
    private long signalCount;
    private boolean reading;
    private boolean readAgain;
    private EventSignals.Listening listening;
    private boolean closed;

    /**
     * @param failures told of what the stream survives: a read it retries, a listener it dropped
     */
    public EventStreamService(EventLog log, EventSignals signals, Duration heartbeat,
                              Consumer<RuntimeException> failures) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive: " + heartbeat);
        }
        this.log = log;
        this.signals = signals;
        this.heartbeat = heartbeat;
        this.failures = failures;
        this.deliveries = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("deals-event-delivery-"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("deals-event-timer-"));
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public EventSubscription subscribe(Long after, EventFilter filter, EventListener listener) {
        if (after != null && after < 0) {
            throw new IllegalArgumentException("after must be >= 0");
        }
        Subscriber subscriber = new Subscriber(this, Objects.requireNonNull(filter, "filter"),
                Objects.requireNonNull(listener, "listener"));
        synchronized (this) {
            startOnce();
            subscriber.signalsBeforeRead = signalCount;
        }
        // On the caller's thread, so that a position retention has passed fails here.
        EventSlice slice = log.after(after == null ? 0 : after, PAGE, filter);
        EventPage first = EventQueryService.pageOf(after, PAGE, slice);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the event stream is closed");
            }
            subscribers.add(subscriber);
            accept(subscriber, first, slice.head());
        }
        return subscriber;
    }

    /** Ends every subscription (each listener hears {@link End#STOPPED}) and stops signals and threads. */
    @Override
    public void close() {
        EventSignals.Listening stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            new ArrayList<>(subscribers).forEach(subscriber -> end(subscriber, End.STOPPED));
            closed = true;
            stopping = listening;
            listening = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        // The timer first: what it still hands out is queued for delivery before that stops too.
        stop(timer, deadline);
        stop(deliveries, deadline);
    }

    synchronized void cancel(Subscriber subscriber) {
        end(subscriber, null);
    }

    synchronized void resume(Subscriber subscriber) {
        subscriber.resumed = true;
        if (!subscriber.ended) {
            scheduleDrain(subscriber);
        }
    }

    private void startOnce() {
        if (closed) {
            throw new IllegalStateException("the event stream is closed");
        }
        if (listening == null) {
            listening = signals.listen(this::signal);
            long millis = heartbeat.toMillis();
            timer.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void signal() {
        if (closed) {
            return;
        }
        signalCount++;
        if (!live.isEmpty()) {
            requestRead();
        }
    }

    private synchronized void beat() {
        for (Subscriber subscriber : subscribers) {
            subscriber.heartbeatDue = true;
            scheduleDrain(subscriber);
        }
    }

    // --- paging: a subscriber behind the head ----------------------------------------------------------

    /** Takes a page a subscriber read after its position; one that reached the head joins the live ones. */
    private void accept(Subscriber subscriber, EventPage page, long head) {
        subscriber.backlog.addAll(page.items());
        subscriber.position = page.nextAfter();
        subscriber.catchingUp = page.items().size() == PAGE;
        if (!subscriber.catchingUp) {
            join(subscriber, head);
        }
        if (subscriber.catchingUp || !subscriber.backlog.isEmpty()) {
            scheduleDrain(subscriber);
        }
    }

    /**
     * A subscriber that has seen everything up to {@code head} joins the live ones. If the shared
     * reader is already past that head, it goes back to it (the others skip what they had); if a
     * signal came while the subscriber read, the commit it announced may be past the page: read.
     */
    private void join(Subscriber subscriber, long head) {
        live.add(subscriber);
        boolean behindReader = readThrough != UNKNOWN && head < readThrough;
        if (readThrough == UNKNOWN || behindReader) {
            readThrough = head;
        }
        if (behindReader || signalCount != subscriber.signalsBeforeRead) {
            requestRead();
        }
    }

    /** Reads a catching-up subscriber's next page; false when the read failed and a retry is scheduled instead. */
    private boolean readNextPage(Subscriber subscriber) {
        long from;
        synchronized (this) {
            from = subscriber.position;
            subscriber.signalsBeforeRead = signalCount;
        }
        EventSlice slice;
        EventPage page;
        try {
            slice = log.after(from, PAGE, subscriber.filter);
            page = EventQueryService.pageOf(from, PAGE, slice);
        } catch (EventsGoneException gone) {
            synchronized (this) {
                end(subscriber, End.EVENTS_GONE);
            }
            return true;
        } catch (RuntimeException failure) {
            failures.accept(failure);
            synchronized (this) {
                // Not draining while it waits, so that an end meanwhile is still told.
                subscriber.draining = false;
            }
            schedule(() -> retryDrain(subscriber), RETRY);
            return false;
        }
        synchronized (this) {
            if (!subscriber.ended) {
                accept(subscriber, page, slice.head());
            }
        }
        return true;
    }

    private synchronized void retryDrain(Subscriber subscriber) {
        if (!subscriber.ended) {
            scheduleDrain(subscriber);
        }
    }

    // --- the shared reader of live subscribers ----------------------------------------------------------

    private void requestRead() {
        if (reading) {
            readAgain = true;
        } else {
            reading = true;
            execute(timer, this::readForLive);
        }
    }

    /** One page per task, so that beats and retries due meanwhile run before it reads the next. */
    private void readForLive() {
        long from;
        synchronized (this) {
            if (closed || live.isEmpty()) {
                reading = false;
                return;
            }
            readAgain = false;
            from = readThrough;
        }
        EventPage page;
        try {
            page = EventQueryService.pageOf(from, PAGE, log.after(from, PAGE, EventFilter.ALL));
        } catch (EventsGoneException gone) {
            synchronized (this) {
                new ArrayList<>(live).forEach(subscriber -> end(subscriber, End.EVENTS_GONE));
                reading = false;
            }
            return;
        } catch (RuntimeException failure) {
            failures.accept(failure);
            synchronized (this) {
                reading = false;
            }
            schedule(this::signal, RETRY);
            return;
        }
        synchronized (this) {
            if (readThrough == from) {
                handOut(page);
            } else {
                // A subscriber joined behind the reader meanwhile: read again from there.
                readAgain = true;
            }
            if (page.items().size() == PAGE || readAgain) {
                execute(timer, this::readForLive);
            } else {
                reading = false;
            }
        }
    }

    private void handOut(EventPage page) {
        List<Subscriber> lagging = new ArrayList<>();
        for (Subscriber subscriber : live) {
            if (subscriber.backlog.size() >= PAGE) {
                lagging.add(subscriber);
                continue;
            }
            for (ChangeEvent event : page.items()) {
                if (event.seq() > subscriber.position && subscriber.filter.matches(event)) {
                    subscriber.backlog.add(event);
                }
            }
            subscriber.position = Math.max(subscriber.position, page.nextAfter());
            if (!subscriber.backlog.isEmpty()) {
                scheduleDrain(subscriber);
            }
        }
        readThrough = page.nextAfter();
        for (Subscriber subscriber : lagging) {
            // It reads this page itself, from its position, once its backlog is delivered.
            subscriber.catchingUp = true;
            leaveLive(subscriber);
        }
    }

    private void leaveLive(Subscriber subscriber) {
        if (live.remove(subscriber) && live.isEmpty()) {
            readThrough = UNKNOWN;
        }
    }

    // --- delivery -----------------------------------------------------------------------------------

    private void scheduleDrain(Subscriber subscriber) {
        if (!subscriber.draining) {
            subscriber.draining = true;
            execute(deliveries, () -> drain(subscriber));
        }
    }

    /** Delivers what is due to one subscriber, in order, for one turn; the only code that calls its listener. */
    private void drain(Subscriber subscriber) {
        int delivered = 0;
        while (true) {
            ChangeEvent event = null;
            End ending = null;
            boolean heartbeatDue = false;
            synchronized (this) {
                subscriber.resumed = false;
                if (subscriber.ended) {
                    ending = subscriber.ending;
                    subscriber.ending = null;
                    if (ending == null) {
                        subscriber.draining = false;
                        return;
                    }
                } else if (subscriber.heartbeatDue) {
                    subscriber.heartbeatDue = false;
                    heartbeatDue = true;
                } else if (subscriber.backlog.isEmpty() && !subscriber.catchingUp) {
                    subscriber.draining = false;
                    return;
                } else if (delivered == TURN) {
                    // Still draining: its next turn comes after the tasks queued meanwhile.
                    execute(deliveries, () -> drain(subscriber));
                    return;
                } else {
                    // Null when its backlog is delivered and it reads its next page.
                    event = subscriber.backlog.peek();
                }
            }
            if (ending != null) {
                tellEnd(subscriber, ending);
            } else if (heartbeatDue) {
                deliver(subscriber, null);
            } else if (!ready(subscriber)) {
                synchronized (this) {
                    if (!subscriber.resumed && !subscriber.ended) {
                        subscriber.draining = false;
                        return;
                    }
                }
            } else if (event != null) {
                synchronized (this) {
                    // Only this task takes from the backlog; an end meanwhile emptied it.
                    if (subscriber.backlog.poll() == null) {
                        continue;
                    }
                }
                deliver(subscriber, event);
                delivered++;
            } else if (!readNextPage(subscriber)) {
                return;
            }
        }
    }

    private boolean ready(Subscriber subscriber) {
        try {
            return subscriber.listener.ready();
        } catch (RuntimeException failure) {
            failures.accept(failure);
            synchronized (this) {
                end(subscriber, End.LISTENER_FAILED);
            }
            return false;
        }
    }

    /** An event, or a heartbeat when {@code event} is null. */
    private void deliver(Subscriber subscriber, ChangeEvent event) {
        try {
            if (event == null) {
                subscriber.listener.onHeartbeat();
            } else {
                subscriber.listener.onEvent(event);
            }
        } catch (RuntimeException failure) {
            failures.accept(failure);
            synchronized (this) {
                end(subscriber, End.LISTENER_FAILED);
            }
        }
    }

    private void tellEnd(Subscriber subscriber, End why) {
        try {
            subscriber.listener.onEnd(why);
        } catch (RuntimeException failure) {
            // Nothing is left to deliver to it; the failure is reported, not rethrown into the pool.
            failures.accept(failure);
        }
    }

    /** Ends a subscription; {@code why} is null when its owner closed it, and is told to the listener otherwise. */
    private void end(Subscriber subscriber, End why) {
        if (subscriber.ended) {
            return;
        }
        subscriber.ended = true;
        subscriber.ending = why;
        subscriber.backlog.clear();
        subscribers.remove(subscriber);
        leaveLive(subscriber);
        if (why != null) {
            scheduleDrain(subscriber);
        }
    }

    // --- the threads --------------------------------------------------------------------------------

    private static void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // Only once closed: what it would have done no longer matters.
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // Only once closed.
        }
    }

    private static void stop(ExecutorService executor, long deadline) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
