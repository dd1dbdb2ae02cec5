package io.deals.bootstrap.cli;

import com.google.inject.Guice;
import io.deals.adapters.csv.CsvModule;
import io.deals.adapters.messaging.PublishedOffers;
import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.port.out.DealFile;
import io.deals.application.imports.port.out.DealFiles;
import io.deals.bootstrap.demo.DemoDeals;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deals offers publish FILE} against a real Kafka broker in this JVM, as a shell user runs it.
 * Only the first test publishes: the topic is the broker's for the whole class.
 */
class PublishOffersCommandIT {

    private static final String TOPIC = "deals.offers";
    private static final String HEADER = String.join(",", DealFileColumns.ALL);
    private static final Pattern SECONDS = Pattern.compile(" in (\\d+\\.\\d) s ");

    private static TestBroker broker;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishes_each_row_of_a_dirty_demo_file_as_written_in_file_order_per_deal_at_the_rate_asked()
            throws IOException {
        Path file = demoFile(400, 0.2);
        List<DealFileRecord> rows = rowsOf(file);
        List<DealFileRecord> offers = rows.stream().filter(DealFileRecord::fieldCountMatches).toList();
        List<Long> skippedLines = rows.stream().filter(row -> !row.fieldCountMatches()).map(DealFileRecord::line)
                .toList();
        Map<String, List<DealFileRecord>> offersByDeal = offers.stream()
                .collect(Collectors.groupingBy(DealFileRecord::dealId, LinkedHashMap::new, Collectors.toList()));
        assertThat(skippedLines).as("the file has rows with an extra field").isNotEmpty().hasSizeLessThan(10);
        assertThat(offersByDeal.values()).as("the file repeats a deal_id").anyMatch(deal -> deal.size() > 1);

        int exit = run("offers", "publish", file.toString(), "--rate", "200/s",
                "--kafka-bootstrap", broker.bootstrapServers());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().strip()).startsWith("published " + offers.size() + " offers to deals.offers in ")
                .endsWith(skippedLines.size() + " rows not published (more or fewer fields than the header): lines "
                        + skippedLines.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .doesNotContain("\n");
        assertThat(secondsReported()).as("%d offers at 200 a second", offers.size())
                .isGreaterThanOrEqualTo((offers.size() - 1) / 200.0 - 0.05);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("\r");

        List<ConsumerRecord<String, String>> published = broker.records(TOPIC, records -> records.size() >= offers.size());
        assertThat(published).hasSize(offers.size());
        Map<String, List<ConsumerRecord<String, String>>> publishedByKey = published.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
        assertThat(publishedByKey.keySet()).as("keys: the deal_ids").isEqualTo(offersByDeal.keySet());
        offersByDeal.forEach((dealId, expected) -> {
            List<ConsumerRecord<String, String>> ofDeal = publishedByKey.get(dealId);
            assertThat(ofDeal).as(dealId).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(PublishedOffers.read(expected.get(i).line(), dealId, ofDeal.get(i).value()))
                        .as("offer %d of deal '%s', in file order", i + 1, dealId).isEqualTo(expected.get(i));
            }
        });
    }

    @Test
    void a_file_that_is_no_deals_file_fails_with_one_line_before_kafka_is_asked() throws IOException {
        Path file = directory.resolve("odd.csv");
        Files.writeString(file, HEADER + ",vibes\n");

        // Nothing listens there: a Kafka error would come only after waiting, and say so.
        assertThat(run("offers", "publish", file.toString(), "--kafka-bootstrap", "127.0.0.1:1"))
                .isEqualTo(OneLineErrors.FAILED);

        assertThat(err.toString().strip()).startsWith("publish: ").contains("unknown column \"vibes\"")
                .doesNotContain("Kafka").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_broker_that_cannot_be_reached_fails_with_one_line() throws IOException {
        Path file = demoFile(5, 0);

        assertThat(run("offers", "publish", file.toString(), "--kafka-bootstrap", "nowhere.invalid:9092"))
                .isEqualTo(OneLineErrors.FAILED);

        assertThat(err.toString().strip()).startsWith("publish: cannot connect to Kafka at nowhere.invalid:9092: ")
                .doesNotContain("\n").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void without_brokers_it_says_how_to_name_them() throws IOException {
        assumeTrue(System.getenv("DEALS_KAFKA_BOOTSTRAP") == null, "DEALS_KAFKA_BOOTSTRAP names brokers already");
        Path file = demoFile(5, 0);

        assertThat(run("offers", "publish", file.toString())).isEqualTo(OneLineErrors.USAGE);

        assertThat(err.toString().strip()).startsWith("publish: ").contains("--kafka-bootstrap HOST:PORT")
                .contains("DEALS_KAFKA_BOOTSTRAP").doesNotContain("\n");
    }

    @Test
    void a_rate_that_is_not_a_positive_number_a_second_or_a_missing_file_is_a_usage_error() {
        assertThat(run("offers", "publish", "x.csv", "--rate", "0/s", "--kafka-bootstrap", "127.0.0.1:1"))
                .isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).contains("--rate").contains("0/s");

        err.getBuffer().setLength(0);
        assertThat(run("offers", "publish", directory.resolve("nowhere.csv").toString(),
                "--kafka-bootstrap", "127.0.0.1:1")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).contains("Cannot read the file");
    }

    private int run(String... args) {
        CommandLine commandLine = DealsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private double secondsReported() {
        Matcher seconds = SECONDS.matcher(out.toString());
        assertThat(seconds.find()).as(out.toString()).isTrue();
        return Double.parseDouble(seconds.group(1));
    }

    private Path demoFile(int rows, double dirtyRate) throws IOException {
        Path file = directory.resolve("deals-" + rows + ".csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DemoDeals(rows, 10, 11, dirtyRate).writeTo(writer);
        }
        return file;
    }

    /** The file's rows as the command reads them, with the CSV adapter. */
    private static List<DealFileRecord> rowsOf(Path file) throws IOException {
        DealFiles files = Guice.createInjector(new CsvModule()).getInstance(DealFiles.class);
        List<DealFileRecord> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DealFile deals = files.open(in)) {
            for (DealFileRecord row = deals.next(); row != null; row = deals.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
