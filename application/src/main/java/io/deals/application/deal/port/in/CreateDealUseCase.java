package io.deals.application.deal.port.in;

public interface CreateDealUseCase {

    /**
     * Creates a deal; otherwise one {@code ValidationException} naming the command's unreadable
     * fields with the draft's broken rules, {@code UnknownHotelException} or
     * {@code DuplicateExternalRefException}.
     */
    DealView create(CreateDealCommand command);
}
