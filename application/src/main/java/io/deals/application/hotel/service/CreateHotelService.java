package io.deals.application.hotel.service;

import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.hotel.port.in.CreateHotelUseCase;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.shared.IdempotentCreation;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDetails;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Change;

public final class CreateHotelService implements CreateHotelUseCase {

    private final HotelRepository hotels;
    private final HotelSearch search;
    private final EventOutbox outbox;
    private final HotelRepresentation representation;
    private final IdempotentCreation idempotency;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CreateHotelService(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                              HotelRepresentation representation, IdempotencyKeys keys,
                              TransactionRunner transactions, Clock clock) {
        this.hotels = hotels;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.idempotency = new IdempotentCreation(keys);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public HotelView create(CreateHotelCommand command) {
        command.fieldErrors().throwIfAny(() -> Hotel.validate(command.draft()));
        HotelDetails details = Hotel.validate(command.draft());
        return transactions.inTransaction(() -> {
            HotelId id = hotels.nextId();
            return idempotency.earlierResult(command.idempotencyKey(), id.value(), "hotel",
                    earlier -> search.find(new HotelId(earlier))).orElseGet(() -> {
                Change<Hotel> created = Hotel.create(id, details, clock.now());
                hotels.add(created.after());
                HotelView stored = ReadBack.view(search.find(id), "hotel", id.value());
                outbox.append(created.events(), representation.of(stored));
                return stored;
            });
        });
    }
}
