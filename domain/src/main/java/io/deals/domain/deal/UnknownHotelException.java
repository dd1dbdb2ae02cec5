package io.deals.domain.deal;

import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.DomainException;

/** A deal names a hotel that does not exist. */
public final class UnknownHotelException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownHotelException(HotelId id) {
        super("HOTEL_NOT_FOUND", "hotel " + id + " does not exist");
    }
}
