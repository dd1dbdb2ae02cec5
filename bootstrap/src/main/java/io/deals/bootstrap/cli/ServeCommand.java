package io.deals.bootstrap.cli;

import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenKeys;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.limits.RateLimits;
import io.deals.application.event.service.EventStreamService;
import io.deals.bootstrap.DealsRuntime;
import io.deals.bootstrap.ServerOptions;
import io.deals.bootstrap.ServerSecret;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTP API. Without --db-url it runs its own embedded PostgreSQL in --data-dir.")
final class ServeCommand implements Callable<Integer> {

    /** Read by logback.xml itself, which has already used it by now: text (the default) or json. */
    static final String LOG_FORMAT = "DEALS_LOG_FORMAT";
    private static final Set<String> LOG_FORMATS = Set.of("text", "json");

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:DEALS_PORT:-8080}", paramLabel = "PORT",
            description = "HTTP port, 0 for any free one (env DEALS_PORT; default ${DEFAULT-VALUE})")
    private int port;

    @Mixin
    private DatabaseOptions database;

    @Option(names = "--event-retention", defaultValue = "${env:DEALS_EVENT_RETENTION:-7d}", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "how long published events are kept: 7d, 12h, 30m or ISO 8601 such as P7D "
                    + "(env DEALS_EVENT_RETENTION; default ${DEFAULT-VALUE})")
    private Duration eventRetention;

    @Option(names = "--kafka-bootstrap", defaultValue = "${env:DEALS_KAFKA_BOOTSTRAP}", paramLabel = "HOST:PORT[,...]",
            description = "relay every event to topic deals.events on these Kafka brokers (env DEALS_KAFKA_BOOTSTRAP;"
                    + " default none: no relay)")
    private String kafkaBootstrap;

    @Option(names = "--ingest-offers", defaultValue = "${env:DEALS_INGEST_OFFERS:-false}", arity = "0..1",
            paramLabel = "true|false", description = "apply the offers of topic deals.offers (consumer group deals-offers)"
                    + " on the --kafka-bootstrap brokers (env DEALS_INGEST_OFFERS; default ${DEFAULT-VALUE})")
    private boolean ingestOffers;

    @Option(names = "--rate-limit-read-per-minute", defaultValue = "${env:DEALS_RATE_LIMIT_READ_PER_MINUTE:-60000}",
            paramLabel = "REQUESTS", description = "reads each client may make a minute, 0 for no limit"
                    + " (env DEALS_RATE_LIMIT_READ_PER_MINUTE; default ${DEFAULT-VALUE})")
    private int readsPerMinute;

    @Option(names = "--rate-limit-write-per-minute", defaultValue = "${env:DEALS_RATE_LIMIT_WRITE_PER_MINUTE:-6000}",
            paramLabel = "REQUESTS", description = "writes and imports each client may make a minute, 0 for no limit"
                    + " (env DEALS_RATE_LIMIT_WRITE_PER_MINUTE; default ${DEFAULT-VALUE})")
    private int writesPerMinute;

    @Mixin
    private TokenOptions tokens;

    @Option(names = "--private-reads", defaultValue = "${env:DEALS_PRIVATE_READS:-false}", arity = "0..1",
            paramLabel = "true|false", description = "reads need a token with the scope deals:read too"
                    + " (env DEALS_PRIVATE_READS; default ${DEFAULT-VALUE})")
    private boolean privateReads;

    @Option(names = "--demo", description = "on a database without hotels or deals, first import the 50,000 demo deals")
    private boolean demo;

    @Override
    public Integer call() {
        checkLogFormat(spec.commandLine(), System.getenv(LOG_FORMAT));
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--port': " + port
                    + " is not a port number (0-65535)");
        }
        Optional<String> kafka;
        try {
            kafka = ServerOptions.kafkaBootstrap(kafkaBootstrap);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--kafka-bootstrap': "
                    + e.getMessage());
        }
        if (ingestOffers && kafka.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--ingest-offers consumes offers from Kafka: set"
                    + " --kafka-bootstrap (or DEALS_KAFKA_BOOTSTRAP) too");
        }
        RateLimits rateLimits = new RateLimits(requestsPerMinute("--rate-limit-read-per-minute", readsPerMinute),
                requestsPerMinute("--rate-limit-write-per-minute", writesPerMinute));
        String dbUrl = database.dbUrl();
        TokenSettings tokenSettings = tokenSettings(database.dataDir());
        byte[] cursorKey = ServerSecret.CURSOR_KEY.configuredOrKeptIn(System.getenv(ServerSecret.CURSOR_KEY.variable()),
                database.dataDir()).bytes();
        ServerOptions options = new ServerOptions(port, cursorKey, eventRetention, EventStreamService.DEFAULT_HEARTBEAT,
                kafka, tokenSettings, rateLimits, ingestOffers);
        DealsRuntime runtime = dbUrl == null ? DealsRuntime.embedded(database.dataDir(), options, demo)
                : DealsRuntime.external(dbUrl, options, demo);
        Thread shutdown = new Thread(runtime::close, "deals-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            runtime.awaitShutdown();
        } catch (InterruptedException e) {
            // Interrupted by the program that runs this command in its own JVM: stop as a signal would.
            runtime.close();
            Runtime.getRuntime().removeShutdownHook(shutdown);
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int requestsPerMinute(String option, int value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + " is negative; give a number of requests a minute, or 0 for no limit");
        }
        return value;
    }

    /** Another value finds no log configuration: the server would run without writing a line, so it does not start. */
    static void checkLogFormat(CommandLine commandLine, String format) {
        if (format != null && !LOG_FORMATS.contains(format)) {
            throw new ParameterException(commandLine, "Invalid value for " + LOG_FORMAT + ": '" + format
                    + "' (text or json)");
        }
    }

    /**
     * How tokens are verified: with the identity provider's keys when given, else with the server's
     * secret. Made just now, the secret comes with one token for the operator: the one moment the
     * server can hand it out.
     */
    private TokenSettings tokenSettings(Path dataDir) {
        Optional<TokenKeys.PublicKeys> publicKeys = tokens.publicKeys();
        if (publicKeys.isPresent()) {
            return tokens.settings(publicKeys.get()).withPrivateReads(privateReads);
        }
        ServerSecret.Kept secret = ServerSecret.TOKEN_KEY.configuredOrKeptIn(
                System.getenv(ServerSecret.TOKEN_KEY.variable()), dataDir);
        TokenSettings settings = tokens.settings(new TokenKeys.SharedSecret(secret.bytes())).withPrivateReads(privateReads);
        if (secret.made()) {
            spec.commandLine().getOut().println("Write token: " + new TokenMinter(settings).mint(TokenGrant.FIRST_START));
            spec.commandLine().getOut().flush();
        }
        return settings;
    }
}
