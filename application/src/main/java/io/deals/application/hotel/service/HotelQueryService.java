package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

public final class HotelQueryService implements HotelQueries {

    private final HotelSearch search;
    private final TransactionRunner transactions;

    public HotelQueryService(HotelSearch search, TransactionRunner transactions) {
        this.search = search;
        this.transactions = transactions;
    }

    @Override
    public Optional<HotelView> find(HotelId id) {
        return transactions.inTransaction(() -> search.find(id));
    }

    @Override
    public Page<HotelView> list(HotelFilter filter, PageRequest page) {
        return transactions.inTransaction(() -> search.list(filter, page));
    }
}
