package io.deals.adapters.persistence.hotel;

import io.deals.adapters.persistence.shared.Pages;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.Hotel;
import jakarta.inject.Inject;

import java.util.List;

/** Hotels by id, keyset or offset, two statements a page at most. */
public final class MyBatisHotelSearch implements HotelSearch {

    private final HotelMapper mapper;

    @Inject
    MyBatisHotelSearch(HotelMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Page<Hotel> list(HotelFilter filter, PageRequest page) {
        Long afterId = page.after() == null ? null : page.after().id();
        List<Hotel> rows = mapper.page(filter, afterId, page.limit() + 1, page.offset()).stream()
                .map(HotelRow::toDomain).toList();
        return Pages.of(rows, page, last -> new Keyset(last.id().toString(), last.id().value()),
                () -> mapper.count(filter));
    }
}
