package io.deals.adapters.web.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.imports.port.in.ImportError;
import io.deals.application.imports.port.in.ImportReport;

import java.io.UncheckedIOException;
import java.util.List;

/** The import report of API.md, "Imports"; the command line prints the same with {@code --json}. */
public record ImportReportResponse(long rowsRead, long dealsCreated, long dealsUpdated, long dealsUnchanged,
                                   long hotelsCreated, long rejected, List<RowError> errors) {

    public record RowError(long line, String field, String code, String message) {

        static RowError from(ImportError error) {
            return new RowError(error.line(), error.field(), error.code(), error.message());
        }
    }

    public static ImportReportResponse from(ImportReport report) {
        return new ImportReportResponse(report.rowsRead(), report.dealsCreated(), report.dealsUpdated(),
                report.dealsUnchanged(), report.hotelsCreated(), report.rejected(),
                report.errors().stream().map(RowError::from).toList());
    }

    /** The report as the API writes it. */
    public static String json(ImportReport report) {
        try {
            return JsonMappers.api().writeValueAsString(from(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
