package io.deals.adapters.persistence.hotel;

import io.deals.adapters.persistence.shared.Pages;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.HotelId;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Hotels as views: one statement by id; by id order, keyset or offset, two statements a page at most. */
public final class MyBatisHotelSearch implements HotelSearch {

    private final HotelMapper mapper;

    @Inject
    MyBatisHotelSearch(HotelMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<HotelView> find(HotelId id) {
        return mapper.findView(id.value());
    }

    @Override
    public Page<HotelView> list(HotelFilter filter, PageRequest page) {
        Long afterId = page.after() == null ? null : page.after().id();
        List<HotelView> rows = mapper.page(filter, afterId, page.limit() + 1, page.offset());
        return Pages.of(rows, page, last -> new Keyset(Long.toString(last.id()), last.id()),
                () -> mapper.count(filter));
    }
}
