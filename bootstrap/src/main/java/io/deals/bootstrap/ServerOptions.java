package io.deals.bootstrap;

import io.deals.adapters.web.access.TokenSettings;
import io.deals.adapters.web.limits.RateLimits;
import io.deals.application.event.service.EventStreamService;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a server runs: its port (0 picks a free one), the key that signs page cursors (see
 * {@link ServerSecret#CURSOR_KEY}), how long published events are kept, how often an event stream gets a
 * heartbeat (a keep-alive comment, 15 s unless a test wants it sooner), the Kafka brokers the
 * events are relayed to (none: no relay, and no Kafka class is even loaded), how callers' tokens
 * are verified (unless set, with a secret nobody knows: no write is let through), the requests
 * a minute each client may make ({@link RateLimits#DEFAULT} unless set), and whether offers are
 * consumed from those brokers' topic {@code deals.offers} (never without brokers).
 */
public record ServerOptions(int port, byte[] cursorKey, Duration eventRetention, Duration heartbeat,
                            Optional<String> kafkaBootstrap, TokenSettings tokens, RateLimits rateLimits,
                            boolean ingestOffers) {

    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7);

    /** {@code host:port[,host:port...]}, a host being a name, an IPv4 address or a bracketed IPv6 one. */
    private static final Pattern KAFKA_BOOTSTRAP = Pattern.compile(
            "([\\w.-]+|\\[[0-9A-Fa-f:.]+]):(\\d{1,5})(,([\\w.-]+|\\[[0-9A-Fa-f:.]+]):(\\d{1,5}))*");

    public ServerOptions {
        cursorKey = cursorKey.clone();
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(heartbeat, "heartbeat");
        kafkaBootstrap = kafkaBootstrap.flatMap(ServerOptions::kafkaBootstrap);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(tokens, "tokens");
        if (ingestOffers && kafkaBootstrap.isEmpty()) {
            throw new IllegalArgumentException("offers are consumed from Kafka: its bootstrap servers are needed");
        }
    }

    public static ServerOptions of(int port, byte[] cursorKey) {
        return new ServerOptions(port, cursorKey, DEFAULT_EVENT_RETENTION, EventStreamService.DEFAULT_HEARTBEAT,
                Optional.empty(), TokenSettings.sharedSecret(ServerSecret.random()), RateLimits.DEFAULT, false);
    }

    /** These options, relaying the events to the Kafka brokers {@code servers} ({@code host:port[,...]}). */
    public ServerOptions withKafkaBootstrap(String servers) {
        return new ServerOptions(port, cursorKey, eventRetention, heartbeat, Optional.of(servers), tokens, rateLimits,
                ingestOffers);
    }

    public ServerOptions withHeartbeat(Duration interval) {
        return new ServerOptions(port, cursorKey, eventRetention, interval, kafkaBootstrap, tokens, rateLimits,
                ingestOffers);
    }

    /** These options with other rate limits ({@link RateLimits#OFF} for none). */
    public ServerOptions withRateLimits(RateLimits limits) {
        return new ServerOptions(port, cursorKey, eventRetention, heartbeat, kafkaBootstrap, tokens, limits,
                ingestOffers);
    }

    /** These options, verifying callers' tokens as {@code settings} say. */
    public ServerOptions withTokens(TokenSettings settings) {
        return new ServerOptions(port, cursorKey, eventRetention, heartbeat, kafkaBootstrap, settings, rateLimits,
                ingestOffers);
    }

    /** These options, consuming offers from the Kafka brokers already set. */
    public ServerOptions withOfferIngestion() {
        return new ServerOptions(port, cursorKey, eventRetention, heartbeat, kafkaBootstrap, tokens, rateLimits, true);
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }

    /**
     * Kafka's {@code host:port[,host:port...]} as given, stripped; empty when {@code servers} is null or blank.
     *
     * @throws IllegalArgumentException when it is not such a list
     */
    public static Optional<String> kafkaBootstrap(String servers) {
        if (servers == null || servers.isBlank()) {
            return Optional.empty();
        }
        String stripped = servers.strip();
        boolean valid = KAFKA_BOOTSTRAP.matcher(stripped).matches() && Arrays.stream(stripped.split(","))
                .mapToInt(server -> Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)))
                .allMatch(port -> port >= 1 && port <= 65_535);
        if (!valid) {
            throw new IllegalArgumentException("the Kafka bootstrap servers must be HOST:PORT[,HOST:PORT...] (got "
                    + stripped + ")");
        }
        return Optional.of(stripped);
    }
}
