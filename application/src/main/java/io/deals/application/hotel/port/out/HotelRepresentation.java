package io.deals.application.hotel.port.out;

import io.deals.domain.hotel.Hotel;

/** A hotel's one published representation (JSON), as {@code GET /hotels/{id}} answers it and its events carry it. */
public interface HotelRepresentation {

    String of(Hotel hotel);
}
