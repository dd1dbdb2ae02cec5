package io.deals.bootstrap.cli;

import org.apache.commons.io.input.BoundedInputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command reads through, its bytes counted so that the progress display can tell how far it got. */
final class InputFile implements AutoCloseable {

    private final BoundedInputStream in;
    private final long size;

    private InputFile(BoundedInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    /** Opens {@code file}; one that is not a readable file is a usage error of {@code command}. */
    static InputFile open(CommandSpec command, Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(command.commandLine(), "Cannot read the file " + file);
        }
        long size = Files.size(file);
        return new InputFile(BoundedInputStream.builder()
                .setInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)).get(), size);
    }

    InputStream stream() {
        return in;
    }

    /** A progress display for reading this file, redrawn in place when a terminal is attached. */
    ProgressDisplay progress(PrintWriter err) {
        return new ProgressDisplay(System.console() != null, err, in::getCount, size);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
