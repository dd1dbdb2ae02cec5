package io.deals.application.shared.port.out;

import io.deals.domain.shared.DomainEvent;

import java.util.List;

/**
 * Records domain events in the same transaction as the change that raised them, in commit order.
 * Events appended together belong to one aggregate and carry its representation {@code data}
 * (JSON) after the change, or before it for a delete.
 */
public interface EventOutbox {

    void append(List<? extends DomainEvent> events, String data);
}
