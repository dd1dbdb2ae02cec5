package io.deals.application.imports;

import io.deals.application.imports.port.in.ImportError;

import java.util.List;

/**
 * What the merge of the staged rows will do. {@code rejected} counts the rows refused only once the
 * whole file and the stored data were in view (a repeated {@code deal_id}, a hotel conflict);
 * {@code errors} holds the first of them by line.
 */
public record ImportPlan(long dealsCreated, long dealsUpdated, long dealsUnchanged, long hotelsCreated,
                         long rejected, List<ImportError> errors) {

    public ImportPlan {
        errors = List.copyOf(errors);
    }
}
