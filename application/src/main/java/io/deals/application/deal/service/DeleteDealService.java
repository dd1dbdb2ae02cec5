package io.deals.application.deal.service;

import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.deal.port.in.DeleteDealUseCase;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.shared.NotFoundException;

import java.util.List;

public final class DeleteDealService implements DeleteDealUseCase {

    private final DealRepository deals;
    private final EventOutbox outbox;
    private final TransactionRunner transactions;
    private final Clock clock;

    public DeleteDealService(DealRepository deals, EventOutbox outbox, TransactionRunner transactions, Clock clock) {
        this.deals = deals;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteDealCommand command) {
        long id = command.id().value();
        transactions.inTransaction(() -> {
            Deal current = deals.find(command.id()).orElseThrow(() -> new NotFoundException("deal", id));
            if (command.expectedVersion() != null) {
                current.version().requireExpected(command.expectedVersion(), "deal", id);
            }
            // Recorded before the row goes, so the event carries the deal as it was; removing only
            // at the version read keeps that snapshot honest if another writer slipped in.
            outbox.append(List.of(current.delete(clock.now())));
            deals.remove(command.id(), current.version());
            return null;
        });
    }
}
