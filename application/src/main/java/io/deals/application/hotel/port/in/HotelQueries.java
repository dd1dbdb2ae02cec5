package io.deals.application.hotel.port.in;

import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

/** The read side for hotels. */
public interface HotelQueries {

    Optional<HotelView> find(HotelId id);

    /** A page of the hotels the filter selects, by id. */
    Page<HotelView> list(HotelFilter filter, PageRequest page);
}
