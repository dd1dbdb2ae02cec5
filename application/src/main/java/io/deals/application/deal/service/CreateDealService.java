package io.deals.application.deal.service;

import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.CreateDealUseCase;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.shared.IdempotentCreation;
import io.deals.application.shared.ReadBack;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.shared.Change;

public final class CreateDealService implements CreateDealUseCase {

    private final DealRepository deals;
    private final DealSearch search;
    private final EventOutbox outbox;
    private final DealRepresentation representation;
    private final IdempotentCreation idempotency;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CreateDealService(DealRepository deals, DealSearch search, EventOutbox outbox,
                             DealRepresentation representation, IdempotencyKeys keys, TransactionRunner transactions,
                             Clock clock) {
        this.deals = deals;
        this.search = search;
        this.outbox = outbox;
        this.representation = representation;
        this.idempotency = new IdempotentCreation(keys);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public DealView create(CreateDealCommand command) {
        command.fieldErrors().throwIfAny(() -> Deal.validate(command.draft()));
        DealTerms terms = Deal.validate(command.draft());
        return transactions.inTransaction(() -> {
            DealId id = deals.nextId();
            return idempotency.earlierResult(command.idempotencyKey(), id.value(), "deal",
                    earlier -> search.find(new DealId(earlier))).orElseGet(() -> {
                Change<Deal> created = Deal.create(id, terms, clock.now());
                deals.add(created.after());
                DealView stored = ReadBack.view(search.find(id), "deal", id.value());
                outbox.append(created.events(), representation.of(stored));
                return stored;
            });
        });
    }
}
