package io.deals.application.hotel.port.in;

import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.hotel.HotelDraft;

/** Creates a hotel; with an idempotency key, a retry returns the hotel the first attempt created. */
public record CreateHotelCommand(HotelDraft draft, IdempotencyKey idempotencyKey) {

    public CreateHotelCommand(HotelDraft draft) {
        this(draft, null);
    }
}
