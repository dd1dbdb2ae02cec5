package io.deals.domain.hotel;

import io.deals.domain.shared.DomainEvent;

import java.time.Instant;

/** What can happen to a hotel. */
public sealed interface HotelEvent extends DomainEvent {

    HotelId hotelId();

    @Override
    default String aggregateType() {
        return "hotel";
    }

    @Override
    default long aggregateId() {
        return hotelId().value();
    }

    record Created(HotelId hotelId, Instant occurredAt) implements HotelEvent {

        public static final String TYPE = "deals.hotel.created";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Updated(HotelId hotelId, Instant occurredAt) implements HotelEvent {

        public static final String TYPE = "deals.hotel.updated";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Deleted(HotelId hotelId, Instant occurredAt) implements HotelEvent {

        public static final String TYPE = "deals.hotel.deleted";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
