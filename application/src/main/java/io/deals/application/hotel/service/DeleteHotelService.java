package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.DeleteHotelCommand;
import io.deals.application.hotel.port.in.DeleteHotelUseCase;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.UnconditionalDelete;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.shared.NotFoundException;

import java.util.List;

public final class DeleteHotelService implements DeleteHotelUseCase {

    private final HotelRepository hotels;
    private final HotelSearch search;
    private final EventOutbox outbox;
    private final HotelRepresentation representation;
    private final TransactionRunner transactions;
    private final Clock clock;

    public DeleteHotelService(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                              HotelRepresentation representation, TransactionRunner transactions, Clock clock) {
        this.hotels = hotels;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteHotelCommand command) {
        long id = command.id().value();
        transactions.inTransaction(() -> {
            UnconditionalDelete.run(command.expectedVersion(), () -> {
                Hotel current = hotels.find(command.id()).orElseThrow(() -> new NotFoundException("hotel", id));
                if (command.expectedVersion() != null) {
                    current.version().requireExpected(command.expectedVersion(), "hotel", id);
                }
                // Read before the row goes, so the event carries the hotel as it was.
                String last = representation.of(ReadBack.view(search.find(command.id()), "hotel", id));
                hotels.remove(command.id(), current.version());
                outbox.append(List.of(current.delete(clock.now())), last);
            });
            return null;
        });
    }
}
