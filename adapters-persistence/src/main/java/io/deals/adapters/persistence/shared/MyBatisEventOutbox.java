package io.deals.adapters.persistence.shared;

import io.deals.application.shared.port.out.EventOutbox;
import io.deals.domain.shared.DomainEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.ibatis.session.SqlSessionManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of the transaction on this thread and appends them to {@code outbox_events}
 * when {@link MyBatisTransactionRunner} commits it: last, because appending takes the feed's lock
 * until the commit (see OutboxMapper.xml), and a writer holding it must wait for nothing else.
 */
@Singleton
public final class MyBatisEventOutbox implements EventOutbox {

    private final SqlSessionManager sessions;
    private final OutboxMapper mapper;
    private final ThreadLocal<List<OutboxMapper.EventRow>> pending = ThreadLocal.withInitial(ArrayList::new);

    @Inject
    MyBatisEventOutbox(SqlSessionManager sessions, OutboxMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public void append(List<? extends DomainEvent> events, String data) {
        if (!sessions.isManagedSessionStarted()) {
            // Parked here, they would be committed by whatever transaction this thread runs next.
            throw new IllegalStateException("events are recorded only inside a transaction");
        }
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
