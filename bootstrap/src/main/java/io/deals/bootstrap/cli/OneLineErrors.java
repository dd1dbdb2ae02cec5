package io.deals.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** A bad setting or a failed start is one clear line on stderr, never a stack trace. */
final class OneLineErrors {

    static final int USAGE = 2;
    static final int FAILED = 1;

    private OneLineErrors() {
    }

    static int parameter(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandName() + ": " + e.getMessage() + " (see --help)");
        return USAGE;
    }

    static int execution(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println(command.getCommandName() + ": " + rootMessage(e));
        return FAILED;
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = message == null ? cause.getMessage() : message + ": " + cause.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }
}
