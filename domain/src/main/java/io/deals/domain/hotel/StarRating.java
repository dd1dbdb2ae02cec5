package io.deals.domain.hotel;

import io.deals.domain.shared.InvalidValueException;
import io.deals.domain.shared.Required;

public record StarRating(int value) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public StarRating {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("out_of_range", "must be between " + MIN + " and " + MAX);
        }
    }

    public static StarRating of(Integer raw) {
        return new StarRating(Required.value(raw));
    }
}
