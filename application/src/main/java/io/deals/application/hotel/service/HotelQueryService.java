package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;

import java.util.Optional;

public final class HotelQueryService implements HotelQueries {

    private final HotelRepository hotels;

    public HotelQueryService(HotelRepository hotels) {
        this.hotels = hotels;
    }

    @Override
    public Optional<Hotel> find(HotelId id) {
        return hotels.find(id);
    }
}
