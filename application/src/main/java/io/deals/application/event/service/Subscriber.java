package io.deals.application.event.service;

import io.deals.application.event.EventListener;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;

import java.util.ArrayDeque;
import java.util.Deque;

/** One subscription's state; every field but the final ones is guarded by its {@link EventStreamService}. */
final class Subscriber implements EventSubscription {

    final EventListener listener;
    final EventFilter filter;
    private final EventStreamService service;

    /** Every matching event up to here is in {@link #backlog} or delivered. */
    long position;
    final Deque<ChangeEvent> backlog = new ArrayDeque<>();
    /** Its last page was full: it reads the next one itself once the backlog is delivered. */
    boolean catchingUp;
    /** The service's signal count when its last page read began (see EventStreamService#join). */
    long signalsBeforeRead;
    boolean heartbeatDue;
    /** A delivery task runs or is queued for it: at most one at a time, so calls never overlap. */
    boolean draining;
    /** Resumed since its delivery task last asked whether the listener is ready. */
    boolean resumed;
    boolean ended;
    /** Set when the service ended it, until {@link EventListener#onEnd} has been called. */
    EventListener.End ending;

    Subscriber(EventStreamService service, EventFilter filter, EventListener listener) {
        this.service = service;
        this.filter = filter;
        this.listener = listener;
    }

    @Override
    public void resume() {
        service.resume(this);
    }

    @Override
    public void close() {
        service.cancel(this);
    }
}
