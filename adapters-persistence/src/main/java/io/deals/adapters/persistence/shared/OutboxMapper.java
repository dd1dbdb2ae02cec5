package io.deals.adapters.persistence.shared;

import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

/** Appending to {@code outbox_events} in commit order; see OutboxMapper.xml. */
public interface OutboxMapper {

    /** The channel on which {@link #signalAppended()} notifies, when the appending transaction commits. */
    String CHANNEL = "deals_events";

    /** An event to append: its aggregate's representation {@code data} is JSON. */
    record EventRow(String aggregateType, long aggregateId, String type, String data, Instant occurredAt) {
    }

    /** Held until the transaction ends: take it right before appending, and append last. */
    int lockFeed();

    void insertEvents(@Param("events") List<EventRow> events);

    int signalAppended();
}
