package io.deals.application.imports;

import io.deals.application.imports.port.out.DealImportBatch;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.shared.port.out.Clock;
import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;

import java.time.Instant;
import java.util.List;

/**
 * One set-based merge of deals records with what is stored, the one definition of what a record
 * does, whether it comes from a file or as an offer: each record is checked by the domain's rules
 * and staged, then storage plans the merge and carries it out, in the caller's transaction.
 */
public final class RecordMerge implements AutoCloseable {

    private final DealImportBatch batch;
    private final Instant now;

    /** Starts a merge in the current transaction; records created at no stated time were created {@code now}. */
    public RecordMerge(DealImports imports, Instant now) {
        this.batch = imports.begin();
        this.now = now;
    }

    /** Stages the record when it keeps every rule; otherwise stages nothing and returns every broken rule. */
    public List<Violation> stage(DealFileRecord record) {
        try {
            CheckedRecord checked = CheckedRecord.of(record, now);
            batch.stage(record.line(), checked.hotel(), checked.terms(), checked.createdAt());
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.violations();
        }
    }

    /**
     * Every rule {@code record} breaks, staging nothing: for a record refused for its form, so that
     * all its faults are told at once.
     */
    public static List<Violation> check(DealFileRecord record, Instant now) {
        try {
            CheckedRecord.of(record, now);
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.violations();
        }
    }

    /** See {@link DealImportBatch#plan}: the plan, with the first {@code maxErrors} rows it refuses. */
    public ImportPlan plan(Clock clock, int maxErrors) {
        return batch.plan(clock, maxErrors);
    }

    /** Carries out the plan. */
    public void apply() {
        batch.apply();
    }

    @Override
    public void close() {
        batch.close();
    }
}
