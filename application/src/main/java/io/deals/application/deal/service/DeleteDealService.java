package io.deals.application.deal.service;

import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.deal.port.in.DeleteDealUseCase;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.UnconditionalDelete;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.shared.NotFoundException;

import java.util.List;

public final class DeleteDealService implements DeleteDealUseCase {

    private final DealRepository deals;
    private final DealSearch search;
    private final EventOutbox outbox;
    private final DealRepresentation representation;
    private final TransactionRunner transactions;
    private final Clock clock;

    public DeleteDealService(DealRepository deals, DealSearch search, EventOutbox outbox,
                             DealRepresentation representation, TransactionRunner transactions, Clock clock) {
        this.deals = deals;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteDealCommand command) {
        long id = command.id().value();
        transactions.inTransaction(() -> {
            UnconditionalDelete.run(command.expectedVersion(), () -> {
                Deal current = deals.find(command.id()).orElseThrow(() -> new NotFoundException("deal", id));
                if (command.expectedVersion() != null) {
                    current.version().requireExpected(command.expectedVersion(), "deal", id);
                }
                // Read before the row goes, so the event carries the deal as it was. Nothing locks it
                // yet: another writer may have deleted it since it was found, and then it is gone.
                String last = representation.of(ReadBack.view(search.find(command.id()), "deal", id));
                deals.remove(command.id(), current.version());
                outbox.append(List.of(current.delete(clock.now())), last);
            });
            return null;
        });
    }
}
