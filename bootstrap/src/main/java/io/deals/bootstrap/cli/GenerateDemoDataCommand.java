package io.deals.bootstrap.cli;

import io.deals.bootstrap.demo.DemoDeals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate-demo-data", mixinStandardHelpOptions = true,
        description = "Writes a deterministic deals CSV in the reference shape (same options, same bytes).")
final class GenerateDemoDataCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "50000", description = "deals to write (default ${DEFAULT-VALUE})")
    private int rows;

    @Option(names = "--hotels", defaultValue = "150", description = "distinct hotels (default ${DEFAULT-VALUE})")
    private int hotels;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--dirty-rate", defaultValue = "0", paramLabel = "R",
            description = "share of rows, 0 to 1, that break one rule each (default ${DEFAULT-VALUE})")
    private double dirtyRate;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "the CSV file to write")
    private Path output;

    @Override
    public Integer call() throws IOException {
        if (rows < 0 || hotels < 1 || dirtyRate < 0 || dirtyRate > 1) {
            throw new ParameterException(spec.commandLine(),
                    "--rows must be at least 0, --hotels at least 1 and --dirty-rate from 0 to 1");
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            new DemoDeals(rows, hotels, seed, dirtyRate).writeTo(out);
        }
        spec.commandLine().getOut().printf("wrote %d deals across %d hotels to %s%n", rows, hotels, output);
        return 0;
    }
}
