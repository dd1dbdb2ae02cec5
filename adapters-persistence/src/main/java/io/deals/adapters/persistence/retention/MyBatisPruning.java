package io.deals.adapters.persistence.retention;

import io.deals.application.retention.port.out.Pruning;
import io.deals.application.shared.port.out.TransactionRunner;
import jakarta.inject.Inject;

import java.time.Instant;

/** Each batch in a transaction of its own. */
public final class MyBatisPruning implements Pruning {

    private final PruningMapper mapper;
    private final TransactionRunner transactions;

    @Inject
    MyBatisPruning(PruningMapper mapper, TransactionRunner transactions) {
        this.mapper = mapper;
        this.transactions = transactions;
    }

    @Override
    public int deleteEvents(Instant before, int batch) {
        return transactions.inTransaction(() -> mapper.deleteEvents(before, batch));
    }

    @Override
    public int deleteIdempotencyKeys(Instant before, int batch) {
        return transactions.inTransaction(() -> mapper.deleteIdempotencyKeys(before, batch));
    }
}
