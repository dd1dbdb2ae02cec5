package io.deals.bootstrap.cli;

import com.google.inject.Guice;
import io.deals.adapters.csv.CsvModule;
import io.deals.adapters.messaging.KafkaOfferPublisher;
import io.deals.adapters.messaging.KafkaOfferPublisher.Published;
import io.deals.adapters.messaging.OfferPublishingException;
import io.deals.application.imports.DealFileException;
import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.port.in.ImportProgress;
import io.deals.application.imports.port.out.DealFile;
import io.deals.application.imports.port.out.DealFiles;
import io.deals.bootstrap.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes each row of a deals CSV file as an offer to Kafka topic deals.offers (key: its deal_id),"
                + " for a demo or a test. A row is sent as written, bad values included, for the consumer to"
                + " dead-letter; a row with more or fewer fields than the header is skipped and reported."})
final class PublishOffersCommand implements Callable<Integer> {

    /** How long the brokers may take to answer before the command gives up. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** The skipped rows' line numbers shown; the count is complete. */
    private static final int LINES_SHOWN = 10;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CSV file (the columns of the reference file, any order)")
    private Path file;

    @Option(names = "--rate", paramLabel = "RATE", converter = RateConverter.class,
            description = "offers a second: 500 or 500/s (default: as fast as the brokers take them)")
    private Long rate;

    @Option(names = "--kafka-bootstrap", defaultValue = "${env:DEALS_KAFKA_BOOTSTRAP}", paramLabel = "HOST:PORT[,...]",
            description = "the Kafka brokers (env DEALS_KAFKA_BOOTSTRAP)")
    private String kafkaBootstrap;

    @Override
    public Integer call() throws IOException {
        String servers = servers();
        DealFiles dealFiles = Guice.createInjector(new CsvModule()).getInstance(DealFiles.class);
        // The header is checked on opening: a file that is no deals file fails before Kafka is even asked.
        try (InputFile input = InputFile.open(spec, file);
             DealFile deals = dealFiles.open(input.stream());
             KafkaOfferPublisher publisher = KafkaOfferPublisher.open(servers, PATIENCE)) {
            return publish(deals, publisher, input.progress(spec.commandLine().getErr()));
        }
    }

    private int publish(DealFile deals, KafkaOfferPublisher publisher, ProgressDisplay progress) {
        Pacer pacer = rate == null ? Pacer.UNLIMITED : Pacer.perSecond(rate);
        List<Long> skippedLines = new ArrayList<>();
        long skipped = 0;
        long rows = 0;
        String unreadable = null;
        long started = System.nanoTime();
        try {
            for (DealFileRecord record = deals.next(); record != null; record = deals.next()) {
                rows++;
                if (record.fieldCountMatches()) {
                    pacer.awaitTurn();
                    publisher.send(record);
                } else if (skipped++ < LINES_SHOWN) {
                    skippedLines.add(record.line());
                }
                progress.accept(new ImportProgress(rows, false));
            }
        } catch (DealFileException e) {
            unreadable = e.getMessage();
        } catch (OfferPublishingException e) {
            // An offer failed: the publisher counted it, and the report below tells.
        }
        Published published = publisher.flush();
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        progress.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary(published, seconds, publisher.topic(), skipped, skippedLines));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (published.failed() > 0) {
            err.println(spec.name() + ": Kafka did not acknowledge " + published.failed() + " offers: "
                    + published.firstFailure().orElse("no reason given"));
            return OneLineErrors.FAILED;
        }
        if (unreadable != null) {
            err.println(spec.name() + ": the rest of the file was not sent: " + unreadable);
            return OneLineErrors.FAILED;
        }
        return 0;
    }

    /** {@code published 50000 offers to deals.offers in 4.2 s (11900/s); 12 rows not published ...} */
    private static String summary(Published published, double seconds, String topic, long skipped,
                                  List<Long> skippedLines) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "published %d offers to %s in %.1f s (%d/s)",
                published.acknowledged(), topic, seconds, Math.round(published.acknowledged() / seconds)));
        if (published.failed() > 0) {
            line.append("; ").append(published.failed()).append(" not acknowledged");
        }
        if (skipped > 0) {
            line.append("; ").append(skipped).append(skipped == 1 ? " row" : " rows")
                    .append(" not published (more or fewer fields than the header): line")
                    .append(skipped == 1 ? " " : "s ")
                    .append(skippedLines.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(skipped > skippedLines.size() ? ", ..." : "");
        }
        return line.toString();
    }

    /** The brokers to publish to: from the option or the environment, and required. */
    private String servers() {
        try {
            return ServerOptions.kafkaBootstrap(kafkaBootstrap).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "No Kafka brokers to publish to: give --kafka-bootstrap HOST:PORT[,...]"
                    + " or set DEALS_KAFKA_BOOTSTRAP"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--kafka-bootstrap': "
                    + e.getMessage());
        }
    }
}
