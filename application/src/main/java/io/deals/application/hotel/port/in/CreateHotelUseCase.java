package io.deals.application.hotel.port.in;

public interface CreateHotelUseCase {

    /**
     * Creates a hotel; otherwise one {@code ValidationException} naming the command's unreadable
     * fields with the draft's broken rules, or {@code DuplicateHotelException}.
     */
    HotelView create(CreateHotelCommand command);
}
