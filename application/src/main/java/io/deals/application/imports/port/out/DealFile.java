package io.deals.application.imports.port.out;

import io.deals.application.imports.DealFileRecord;

/** An open deals file, read one record at a time. */
public interface DealFile extends AutoCloseable {

    /** The next record, or {@code null} at the end; a {@code DealFileException} if the rest cannot be read. */
    DealFileRecord next();

    @Override
    void close();
}
