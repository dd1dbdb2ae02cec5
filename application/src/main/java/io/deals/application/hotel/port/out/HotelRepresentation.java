package io.deals.application.hotel.port.out;

import io.deals.application.hotel.port.in.HotelView;

/** A hotel's one published representation (JSON), as {@code GET /hotels/{id}} answers it and its events carry it. */
public interface HotelRepresentation {

    String of(HotelView hotel);
}
