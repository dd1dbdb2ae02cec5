package io.deals.application.hotel.port.out;

import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

/** Reads hotels as views: one by id, or listed by id, page by page. */
public interface HotelSearch {

    Optional<HotelView> find(HotelId id);

    Page<HotelView> list(HotelFilter filter, PageRequest page);
}
