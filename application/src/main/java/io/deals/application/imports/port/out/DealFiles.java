package io.deals.application.imports.port.out;

import java.io.InputStream;

/** Reads deals files of one format. */
public interface DealFiles {

    /**
     * Opens a file and checks its header: a missing required column or an unknown one is a
     * {@code DealFileException} before any row is read. Closing the file does not close {@code in}.
     */
    DealFile open(InputStream in);
}
