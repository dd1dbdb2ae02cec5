package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.HotelId;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.shared.Version;

import java.util.Objects;

/** A partial change, accepted only while the hotel is still at {@code expectedVersion}. */
public record ChangeHotelCommand(HotelId id, Version expectedVersion, HotelPatch patch) {

    public ChangeHotelCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "a change needs the version it was made from");
        Objects.requireNonNull(patch, "patch");
    }
}
