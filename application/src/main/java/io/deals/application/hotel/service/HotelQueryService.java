package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

public final class HotelQueryService implements HotelQueries {

    private final HotelRepository hotels;
    private final TransactionRunner transactions;

    public HotelQueryService(HotelRepository hotels, TransactionRunner transactions) {
        this.hotels = hotels;
        this.transactions = transactions;
    }

    @Override
    public Optional<Hotel> find(HotelId id) {
        return transactions.inTransaction(() -> hotels.find(id));
    }
}
