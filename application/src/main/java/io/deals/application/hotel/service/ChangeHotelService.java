package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.ChangeHotelCommand;
import io.deals.application.hotel.port.in.ChangeHotelUseCase;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.NotFoundException;

public final class ChangeHotelService implements ChangeHotelUseCase {

    private final HotelRepository hotels;
    private final HotelSearch search;
    private final EventOutbox outbox;
    private final HotelRepresentation representation;
    private final TransactionRunner transactions;
    private final Clock clock;

    public ChangeHotelService(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                              HotelRepresentation representation, TransactionRunner transactions, Clock clock) {
        this.hotels = hotels;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public HotelView change(ChangeHotelCommand command) {
        long id = command.id().value();
        return transactions.inTransaction(() -> {
            Hotel current = current(command);
            // Whatever the version: a request that could not be read applies at none.
            command.fieldErrors().throwIfAny(() -> current.change(command.patch(), clock.now()));
            current.version().requireExpected(command.expectedVersion(), "hotel", id);
            Change<Hotel> change = current.change(command.patch(), clock.now());
            if (!change.changedAnything()) {
                return ReadBack.view(search.find(command.id()), "hotel", id);
            }
            hotels.update(change.after(), command.expectedVersion());
            HotelView stored = ReadBack.view(search.find(command.id()), "hotel", id);
            outbox.append(change.events(), representation.of(stored));
            return stored;
        });
    }

    private Hotel current(ChangeHotelCommand command) {
        return hotels.find(command.id()).orElseThrow(() -> new NotFoundException("hotel", command.id().value()));
    }
}
