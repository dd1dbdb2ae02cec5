package io.deals.application.imports.port.in;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A deals file to import, read as a stream (never held whole), and who to tell how far it got.
 * The caller owns the stream and closes it.
 */
public record ImportDealsCommand(InputStream file, ImportMode mode, Consumer<ImportProgress> progress) {

    public ImportDealsCommand {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(progress, "progress");
    }

    public ImportDealsCommand(InputStream file, ImportMode mode) {
        this(file, mode, progress -> { });
    }
}
