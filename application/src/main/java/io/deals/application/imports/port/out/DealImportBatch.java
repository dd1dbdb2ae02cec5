package io.deals.application.imports.port.out;

import io.deals.application.imports.MergedImport;
import io.deals.application.shared.port.out.Clock;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.hotel.HotelDetails;

import java.time.Instant;

/** The rows of one file on their way into storage, within the import's transaction. */
public interface DealImportBatch extends AutoCloseable {

    /**
     * Stages a valid row. The row names its hotel by details, not by id, so {@code terms.hotelId()}
     * is ignored: the merge finds or creates the hotel by phone. {@code createdAt} applies to a deal
     * the row creates.
     */
    void stage(long line, HotelDetails hotel, DealTerms terms, Instant createdAt);

    /**
     * Merges the staged rows: hotels and categories created on first use, deals created or
     * updated by external reference (an unchanged one keeps its version), their price periods and
     * events written. Rows that repeat an earlier {@code deal_id} or whose hotel conflicts are refused.
     * The time of the changes is read from {@code clock} only once no other import and no writer of
     * the deals the file names can run in between, so it never precedes a change already committed.
     */
    MergedImport merge(Clock clock);

    /** Abandons whatever is still under way, so that the transaction can roll back. */
    @Override
    void close();
}
