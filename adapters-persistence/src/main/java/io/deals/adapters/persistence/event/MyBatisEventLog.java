package io.deals.adapters.persistence.event;

import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.EventSlice;
import jakarta.inject.Inject;

import java.util.List;

public final class MyBatisEventLog implements EventLog {

    private final EventLogMapper mapper;

    @Inject
    MyBatisEventLog(EventLogMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public EventSlice after(long after, int limit, EventFilter filter) {
        List<EventRow> rows = mapper.after(after, limit, filter.types().toArray(String[]::new), filter.subject());
        EventRow first = rows.get(0);
        return new EventSlice(rows.stream().filter(EventRow::hasEvent).map(EventRow::toEvent).toList(),
                first.head(), first.deletedThrough());
    }
}
