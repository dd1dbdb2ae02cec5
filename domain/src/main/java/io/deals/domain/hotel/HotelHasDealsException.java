package io.deals.domain.hotel;

import io.deals.domain.shared.DomainException;

/** A hotel cannot go while deals still point at it. */
public final class HotelHasDealsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public HotelHasDealsException(HotelId id) {
        super("HOTEL_HAS_DEALS", "hotel " + id + " still has deals; delete them first");
    }
}
