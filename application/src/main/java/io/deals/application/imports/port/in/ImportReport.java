package io.deals.application.imports.port.in;

import java.util.List;

/** What an import did. The counts are complete; {@code errors} holds the first {@link #MAX_ERRORS}, by line. */
public record ImportReport(long rowsRead, long dealsCreated, long dealsUpdated, long dealsUnchanged,
                           long hotelsCreated, long rejected, List<ImportError> errors) {

    public static final int MAX_ERRORS = 100;

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
