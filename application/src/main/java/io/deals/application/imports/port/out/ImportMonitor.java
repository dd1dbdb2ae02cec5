package io.deals.application.imports.port.out;

import io.deals.application.imports.port.in.ImportReport;

/** Told what each import did, to count it; the application itself keeps no figures. */
public interface ImportMonitor {

    /** For whoever counts nothing, such as an embedding program. */
    ImportMonitor NONE = report -> {
    };

    /**
     * An import is over: stored, with its report's complete counts, or refused in strict mode, with
     * nothing stored and only its rejected rows counted. Not told of a file that could not be read.
     */
    void finished(ImportReport report);
}
