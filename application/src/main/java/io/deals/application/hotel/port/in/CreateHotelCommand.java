package io.deals.application.hotel.port.in;

import io.deals.application.shared.port.in.FieldErrors;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.hotel.HotelDraft;

import java.util.Objects;

/**
 * Creates a hotel; with an idempotency key, a retry returns the hotel the first attempt created.
 * {@code fieldErrors} names the fields the caller could not read, reported with the draft's own.
 */
public record CreateHotelCommand(HotelDraft draft, IdempotencyKey idempotencyKey, FieldErrors fieldErrors) {

    public CreateHotelCommand {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(fieldErrors, "fieldErrors");
    }

    public CreateHotelCommand(HotelDraft draft, IdempotencyKey idempotencyKey) {
        this(draft, idempotencyKey, FieldErrors.NONE);
    }

    public CreateHotelCommand(HotelDraft draft) {
        this(draft, null);
    }
}
