package io.deals.application.imports.service;

import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.ImportRejectedException;
import io.deals.application.imports.ImportPlan;
import io.deals.application.imports.RecordMerge;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportDealsUseCase;
import io.deals.application.imports.port.in.ImportError;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportProgress;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.application.imports.port.out.DealFile;
import io.deals.application.imports.port.out.DealFiles;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.imports.port.out.ImportMonitor;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.shared.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Streams a file through the domain's rules into storage's staging, then lets storage merge it,
 * all in one transaction: a failure anywhere, or a bad row in strict mode, leaves nothing behind.
 */
public final class ImportDealsService implements ImportDealsUseCase {

    private static final int PROGRESS_EVERY_ROWS = 10_000;

    private final DealFiles files;
    private final DealImports imports;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final ImportMonitor monitor;

    public ImportDealsService(DealFiles files, DealImports imports, TransactionRunner transactions, Clock clock,
                              ImportMonitor monitor) {
        this.files = files;
        this.imports = imports;
        this.transactions = transactions;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** The monitor hears of an import once its transaction is over, so it never counts one that rolled back. */
    @Override
    public ImportReport importDeals(ImportDealsCommand command) {
        Instant now = clock.now();
        ImportReport report;
        try {
            report = transactions.inTransaction(() -> load(command, now));
        } catch (ImportRejectedException rejected) {
            monitor.finished(rejected.report());
            throw rejected;
        }
        monitor.finished(report);
        return report;
    }

    private ImportReport load(ImportDealsCommand command, Instant now) {
        try (DealFile file = files.open(command.file()); RecordMerge merge = new RecordMerge(imports, now)) {
            long rows = 0;
            long refused = 0;
            List<ImportError> errors = new ArrayList<>();
            for (DealFileRecord record = file.next(); record != null; record = file.next()) {
                rows++;
                List<Violation> violations = merge.stage(record);
                if (!violations.isEmpty()) {
                    refused++;
                    for (Violation violation : violations) {
                        if (errors.size() < ImportReport.MAX_ERRORS) {
                            errors.add(new ImportError(record.line(), violation.field(), violation.code(),
                                    violation.message()));
                        }
                    }
                }
                if (rows % PROGRESS_EVERY_ROWS == 0) {
                    command.progress().accept(new ImportProgress(rows, false));
                }
            }
            command.progress().accept(new ImportProgress(rows, true));
            ImportPlan planned = merge.plan(clock, ImportReport.MAX_ERRORS);
            long rejected = refused + planned.rejected();
            List<ImportError> firstErrors = firstByLine(errors, planned.errors());
            if (command.mode() == ImportMode.STRICT && rejected > 0) {
                // Refused before any deal is written; the report counts nothing as stored, as nothing is.
                throw new ImportRejectedException(new ImportReport(rows, 0, 0, 0, 0, rejected, firstErrors));
            }
            merge.apply();
            imports.appendEvents();
            return new ImportReport(rows, planned.dealsCreated(), planned.dealsUpdated(), planned.dealsUnchanged(),
                    planned.hotelsCreated(), rejected, firstErrors);
        }
    }

    /** Rows refused while reading and rows refused by the merge, interleaved by line; the first of them. */
    private static List<ImportError> firstByLine(List<ImportError> read, List<ImportError> merged) {
        return Stream.concat(read.stream(), merged.stream())
                .sorted(Comparator.comparingLong(ImportError::line))
                .limit(ImportReport.MAX_ERRORS)
                .toList();
    }
}
