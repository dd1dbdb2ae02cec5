package io.deals.application.imports.port.in;

/**
 * Loads a deals file in one transaction: hotels found or created by phone, deals upserted by
 * their file {@code deal_id}, every row checked by the domain's own rules.
 */
public interface ImportDealsUseCase {

    /**
     * The report of a stored import. Throws {@code DealFileException} for a file that cannot be
     * read as a deals file, and, in strict mode, {@code ImportRejectedException} when any row is
     * bad; either way nothing is stored.
     */
    ImportReport importDeals(ImportDealsCommand command);
}
