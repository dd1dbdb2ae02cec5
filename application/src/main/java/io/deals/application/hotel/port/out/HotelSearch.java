package io.deals.application.hotel.port.out;

import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.Hotel;

/** Lists hotels by id, page by page. */
public interface HotelSearch {

    Page<Hotel> list(HotelFilter filter, PageRequest page);
}
