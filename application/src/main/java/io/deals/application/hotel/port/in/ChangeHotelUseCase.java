package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.Hotel;

public interface ChangeHotelUseCase {

    /** The hotel after the change (unchanged, same version, if the patch changed nothing). */
    Hotel change(ChangeHotelCommand command);

    /**
     * Checks a change against the current hotel without applying it: throws the
     * {@code ValidationException} (or {@code NotFoundException}) that {@link #change} would.
     */
    void check(ChangeHotelCommand command);
}
