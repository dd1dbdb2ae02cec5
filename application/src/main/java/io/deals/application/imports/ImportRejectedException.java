package io.deals.application.imports;

import io.deals.application.imports.port.in.ImportReport;

/** A strict import found bad rows, so nothing was stored; the report says which and why. */
public final class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(report.rejected() + " of " + report.rowsRead() + " rows are invalid; nothing was imported");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
