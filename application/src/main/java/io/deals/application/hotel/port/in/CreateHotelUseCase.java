package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.Hotel;

public interface CreateHotelUseCase {

    /** Creates a hotel; {@code ValidationException} or {@code DuplicateHotelException} otherwise. */
    Hotel create(CreateHotelCommand command);
}
