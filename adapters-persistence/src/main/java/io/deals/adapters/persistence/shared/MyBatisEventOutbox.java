package io.deals.adapters.persistence.shared;

import io.deals.application.shared.port.out.EventOutbox;
import io.deals.domain.shared.DomainEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of the transaction on this thread and appends them to {@code outbox_events}
 * when {@link MyBatisTransactionRunner} commits it: last, because appending takes the feed's lock
 * until the commit (see OutboxMapper.xml), and a writer holding it must wait for nothing else.
 */
@Singleton
public final class MyBatisEventOutbox implements EventOutbox {

    private final OutboxMapper mapper;
    private final ThreadLocal<List<OutboxMapper.EventRow>> pending = ThreadLocal.withInitial(ArrayList::new);

    @Inject
    MyBatisEventOutbox(OutboxMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void append(List<? extends DomainEvent> events, String data) {
        for (DomainEvent event : events) {
            pending.get().add(new OutboxMapper.EventRow(event.aggregateType(), event.aggregateId(), event.type(), data,
                    event.occurredAt()));
        }
    }

    /** Appends what this thread's transaction collected, as its last statements before the commit. */
    void flush() {
        List<OutboxMapper.EventRow> events = pending.get();
        if (!events.isEmpty()) {
            mapper.lockFeed();
            mapper.insertEvents(events);
            mapper.signalAppended();
        }
    }

    /** Forgets what this thread's transaction collected, once it has committed or rolled back. */
    void clear() {
        pending.remove();
    }
}
