package io.deals.application.hotel.port.in;

public interface DeleteHotelUseCase {

    void delete(DeleteHotelCommand command);
}
