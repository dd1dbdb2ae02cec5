package io.deals.domain.deal;

import io.deals.domain.shared.DomainEvent;

import java.time.Instant;

/** What can happen to a deal. A price change raises {@link PriceChanged} besides {@link Updated}. */
public sealed interface DealEvent extends DomainEvent {

    DealId dealId();

    @Override
    default String aggregateType() {
        return "deal";
    }

    @Override
    default long aggregateId() {
        return dealId().value();
    }

    record Created(DealId dealId, Instant occurredAt) implements DealEvent {
        @Override
        public String type() {
            return "deals.deal.created";
        }
    }

    record Updated(DealId dealId, Instant occurredAt) implements DealEvent {
        @Override
        public String type() {
            return "deals.deal.updated";
        }
    }

    record PriceChanged(DealId dealId, Instant occurredAt) implements DealEvent {
        @Override
        public String type() {
            return "deals.deal.price_changed";
        }
    }

    record Deleted(DealId dealId, Instant occurredAt) implements DealEvent {
        @Override
        public String type() {
            return "deals.deal.deleted";
        }
    }
}
