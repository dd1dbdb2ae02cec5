package io.deals.adapters.persistence.shared;

import io.deals.application.shared.port.out.EventOutbox;
import io.deals.domain.deal.DealEvent;
import io.deals.domain.hotel.HotelEvent;
import io.deals.domain.shared.DomainEvent;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Appends events to {@code outbox_events}. The payload is the aggregate's API representation,
 * built by PostgreSQL from the rows the same transaction just wrote, so it cannot disagree with them.
 */
public final class MyBatisEventOutbox implements EventOutbox {

    private final OutboxMapper mapper;

    @Inject
    MyBatisEventOutbox(OutboxMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void append(List<? extends DomainEvent> events) {
        for (DomainEvent event : events) {
            if (record(event) != 1) {
                // Never let a change commit without its event.
                throw new IllegalStateException(event.type() + " for a " + event.aggregateType() + " "
                        + event.aggregateId() + " that is not stored");
            }
        }
    }

    private int record(DomainEvent event) {
        if (event instanceof HotelEvent) {
            return mapper.appendHotelEvent(event.aggregateId(), event.type(), event.occurredAt());
        }
        if (event instanceof DealEvent) {
            return mapper.appendDealEvent(event.aggregateId(), event.type(), event.occurredAt());
        }
        throw new IllegalArgumentException("no outbox mapping for " + event.type());
    }
}
