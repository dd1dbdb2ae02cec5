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

        public static final String TYPE = "deals.deal.created";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Updated(DealId dealId, Instant occurredAt) implements DealEvent {

        public static final String TYPE = "deals.deal.updated";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record PriceChanged(DealId dealId, Instant occurredAt) implements DealEvent {

        public static final String TYPE = "deals.deal.price_changed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Deleted(DealId dealId, Instant occurredAt) implements DealEvent {

        public static final String TYPE = "deals.deal.deleted";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
