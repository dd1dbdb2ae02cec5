package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

/** The read side for hotels. */
public interface HotelQueries {

    Optional<Hotel> find(HotelId id);
}
