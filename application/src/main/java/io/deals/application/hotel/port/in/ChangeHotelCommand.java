package io.deals.application.hotel.port.in;

import io.deals.application.shared.port.in.FieldErrors;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.shared.Version;

import java.util.Objects;

/**
 * A partial change, accepted only while the hotel is still at {@code expectedVersion}.
 * {@code fieldErrors} names the fields the caller could not read, reported with the patch's own.
 */
public record ChangeHotelCommand(HotelId id, Version expectedVersion, HotelPatch patch, FieldErrors fieldErrors) {

    public ChangeHotelCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "a change needs the version it was made from");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(fieldErrors, "fieldErrors");
    }

    public ChangeHotelCommand(HotelId id, Version expectedVersion, HotelPatch patch) {
        this(id, expectedVersion, patch, FieldErrors.NONE);
    }
}
