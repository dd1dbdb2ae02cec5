package io.deals.application.imports.port.out;

/** Bulk loading into storage: rows are staged, then merged with what is stored, all set at once. */
public interface DealImports {

    /** Starts staging a file in the current transaction. */
    DealImportBatch begin();

    /**
     * Appends to the event feed, in order, the events that the current transaction's merges staged
     * (after at least one). It takes the feed's lock, which other writers wait for until the commit:
     * the transaction's last statement.
     */
    void appendEvents();
}
