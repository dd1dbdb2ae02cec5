package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Version;

import java.util.Objects;

/** Deletes a hotel; with an {@code expectedVersion} only while it is still at that version. */
public record DeleteHotelCommand(HotelId id, Version expectedVersion) {

    public DeleteHotelCommand {
        Objects.requireNonNull(id, "id");
    }

    public static DeleteHotelCommand unconditional(HotelId id) {
        return new DeleteHotelCommand(id, null);
    }
}
