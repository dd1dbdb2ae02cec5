package io.deals.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code deals offers publish ...}: offers for the server to consume, from a deals file. */
@Command(name = "offers", mixinStandardHelpOptions = true,
        description = "Offers on Kafka topic deals.offers, which a server with offer ingestion on consumes.",
        subcommands = PublishOffersCommand.class)
final class OffersCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
