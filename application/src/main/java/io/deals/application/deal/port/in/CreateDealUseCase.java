package io.deals.application.deal.port.in;

public interface CreateDealUseCase {

    /**
     * Creates a deal; {@code ValidationException}, {@code UnknownHotelException} or
     * {@code DuplicateExternalRefException} otherwise.
     */
    DealView create(CreateDealCommand command);
}
