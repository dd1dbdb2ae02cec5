package io.deals.domain.hotel;

import io.deals.domain.shared.InvalidValueException;

public record HotelId(long value) {

    public HotelId {
        if (value < 1) {
            throw new InvalidValueException("out_of_range", "must be a positive id");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
