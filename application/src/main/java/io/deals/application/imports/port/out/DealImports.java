package io.deals.application.imports.port.out;

/** Bulk loading into storage: rows are staged, then merged with what is stored, all set at once. */
public interface DealImports {

    /** Starts staging a file in the current transaction. */
    DealImportBatch begin();
}
