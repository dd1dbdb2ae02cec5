package io.deals.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar deals.jar serve|token|import|migrate|generate-demo-data|offers ...} */
@Command(name = "deals", mixinStandardHelpOptions = true, version = "deals 0.1.0",
        description = "Travel deals: hotels, room deals and categories over HTTP, on PostgreSQL.",
        subcommands = {ServeCommand.class, TokenCommand.class, ImportCommand.class, MigrateCommand.class,
                GenerateDemoDataCommand.class, OffersCommand.class})
public final class DealsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its one-line error reporting, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DealsCommand());
        commandLine.setParameterExceptionHandler(OneLineErrors::parameter);
        commandLine.setExecutionExceptionHandler(OneLineErrors::execution);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
