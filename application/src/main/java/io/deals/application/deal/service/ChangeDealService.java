package io.deals.application.deal.service;

import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.ChangeDealUseCase;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.NotFoundException;

public final class ChangeDealService implements ChangeDealUseCase {

    private final DealRepository deals;
    private final DealSearch search;
    private final EventOutbox outbox;
    private final DealRepresentation representation;
    private final TransactionRunner transactions;
    private final Clock clock;

    public ChangeDealService(DealRepository deals, DealSearch search, EventOutbox outbox,
                             DealRepresentation representation, TransactionRunner transactions, Clock clock) {
        this.deals = deals;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public DealView change(ChangeDealCommand command) {
        long id = command.id().value();
        return transactions.inTransaction(() -> {
            Deal current = current(command);
            // Whatever the version: a request that could not be read applies at none.
            command.fieldErrors().throwIfAny(() -> current.change(command.patch(), clock.now()));
            current.version().requireExpected(command.expectedVersion(), "deal", id);
            Change<Deal> change = current.change(command.patch(), clock.now());
            if (!change.changedAnything()) {
                return ReadBack.view(search.find(command.id()), "deal", id);
            }
            deals.update(change.after(), command.expectedVersion());
            DealView stored = ReadBack.view(search.find(command.id()), "deal", id);
            outbox.append(change.events(), representation.of(stored));
            return stored;
        });
    }

    private Deal current(ChangeDealCommand command) {
        return deals.find(command.id()).orElseThrow(() -> new NotFoundException("deal", command.id().value()));
    }
}
