package io.deals.application.imports.port.out;

import io.deals.application.imports.ImportPlan;
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
     * Plans the merge of the staged rows with what is stored, and says what it will do: which deals
     * it creates, updates or leaves unchanged (an unchanged one keeps its version), how many hotels
     * it creates, and which rows it refuses (a repeated {@code deal_id}, a hotel that conflicts):
     * all of them counted, the first {@code maxErrors} by line described.
     * Hotels are created here already, deals not yet. The time of the changes is read from
     * {@code clock} only once no other import and no writer of the deals the file names can run in
     * between, so it never precedes a change already committed.
     */
    ImportPlan plan(Clock clock, int maxErrors);

    /**
     * Carries out the plan: deals, their categories and price periods; their events are staged for
     * {@link DealImports#appendEvents}.
     */
    void apply();

    /** Abandons whatever is still under way, so that the transaction can roll back. */
    @Override
    void close();
}
