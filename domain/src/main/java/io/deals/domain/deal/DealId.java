package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;

public record DealId(long value) {

    public DealId {
        if (value < 1) {
            throw new InvalidValueException("out_of_range", "must be a positive id");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
