package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

public final class HotelQueryService implements HotelQueries {

    private final HotelRepository hotels;
    private final HotelSearch search;
    private final TransactionRunner transactions;

    public HotelQueryService(HotelRepository hotels, HotelSearch search, TransactionRunner transactions) {
        this.hotels = hotels;
        this.search = search;
        this.transactions = transactions;
    }

    @Override
    public Optional<Hotel> find(HotelId id) {
        return transactions.inTransaction(() -> hotels.find(id));
    }

    @Override
    public Page<Hotel> list(HotelFilter filter, PageRequest page) {
        return transactions.inTransaction(() -> search.list(filter, page));
    }
}
