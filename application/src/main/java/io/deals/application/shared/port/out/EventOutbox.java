package io.deals.application.shared.port.out;

import io.deals.domain.shared.DomainEvent;

import java.util.List;

/**
 * Records domain events in the same transaction as the change that raised them. Each event
 * carries the aggregate's representation as stored at the moment it is appended: append after
 * writing a change, and before removing an aggregate.
 */
public interface EventOutbox {

    void append(List<? extends DomainEvent> events);
}
