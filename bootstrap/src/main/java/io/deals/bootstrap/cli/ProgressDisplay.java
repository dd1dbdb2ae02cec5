package io.deals.bootstrap.cli;

import io.deals.application.imports.port.in.ImportProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far a command has read its file (an import, or offers being published), on stderr: on a
 * terminal one line redrawn in place (rows, rows/s, share of the file, ETA), elsewhere a plain
 * line every few seconds, as a log reader wants it.
 */
final class ProgressDisplay implements Consumer<ImportProgress> {

    private final boolean terminal;
    private final PrintWriter err;
    private final LongSupplier bytesRead;
    private final long fileBytes;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastShown;
    private boolean redrawn;

    ProgressDisplay(boolean terminal, PrintWriter err, LongSupplier bytesRead, long fileBytes) {
        this.terminal = terminal;
        this.err = err;
        this.bytesRead = bytesRead;
        this.fileBytes = fileBytes;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    @Override
    public void accept(ImportProgress progress) {
        long now = System.nanoTime();
        if (!progress.merging() && now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        long rate = Math.round(progress.rowsRead() / seconds);
        String line;
        if (progress.merging()) {
            line = String.format(Locale.ROOT, "read %,d rows (%,d rows/s); merging them into the database...",
                    progress.rowsRead(), rate);
        } else {
            double share = fileBytes == 0 ? 1 : Math.min(1, (double) bytesRead.getAsLong() / fileBytes);
            long eta = share == 0 ? 0 : Math.round(seconds * (1 - share) / share);
            line = String.format(Locale.ROOT, "%,d rows  %,d rows/s  %3.0f%%  ETA %ds", progress.rowsRead(), rate,
                    share * 100, eta);
        }
        if (terminal) {
            err.print("\r\033[K" + line);
            redrawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the redrawn line, so that what follows starts on its own. */
    void finish() {
        if (redrawn) {
            err.println();
            err.flush();
        }
    }
}
