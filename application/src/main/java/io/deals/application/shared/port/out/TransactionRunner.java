package io.deals.application.shared.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it commits, or none of it. */
public interface TransactionRunner {

    /** Commits when {@code work} returns, rolls back when it throws (and rethrows). */
    <T> T inTransaction(Supplier<T> work);
}
