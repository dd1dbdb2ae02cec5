package io.deals.adapters.persistence.event;

import io.deals.application.event.port.in.ChangeEvent;

import java.time.Instant;
import java.util.UUID;

/** An event of {@code outbox_events} with the snapshot's head and retention mark; the event part is null when none matched. */
record EventRow(long head, long deletedThrough, Long seq, String eventId, String aggregateType, Long aggregateId,
                String eventType, String payload, Instant occurredAt) {

    boolean hasEvent() {
        return seq != null;
    }

    ChangeEvent toEvent() {
        return new ChangeEvent(seq, UUID.fromString(eventId), aggregateType, aggregateId, eventType, occurredAt, payload);
    }
}
