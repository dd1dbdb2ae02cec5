package io.deals.domain.shared;

import java.time.Instant;

/**
 * Something that happened to an aggregate. Each business area declares its own sealed
 * family of records ({@code HotelEvent}, {@code DealEvent}); this is what they share.
 */
public interface DomainEvent {

    /** The stable, published event type, e.g. {@code deals.deal.created}. */
    String type();

    /** {@code hotel} or {@code deal}. */
    String aggregateType();

    long aggregateId();

    Instant occurredAt();
}
