package io.deals.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.deals.adapters.persistence.Migrations;
import io.deals.adapters.web.HttpServer;
import io.deals.adapters.web.WebModule;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.application.event.service.EventStreamService;
import io.deals.application.offer.service.OfferIngestionService;
import io.deals.application.retention.port.in.PruneUseCase;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The HTTP API over a database: migrations, wiring, and a server that drains on close. */
public final class DealsServer implements AutoCloseable {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final HttpServer http;
    private final Housekeeping housekeeping;
    private final EventStreamService eventStream;
    private final Optional<EventRelay> relay;
    private final Optional<OfferIngestionService> offers;
    private final ServerMetrics metrics;
    private final int port;

    private DealsServer(HttpServer http, Housekeeping housekeeping, EventStreamService eventStream,
                        Optional<EventRelay> relay, Optional<OfferIngestionService> offers, ServerMetrics metrics,
                        int port) {
        this.http = http;
        this.housekeeping = housekeeping;
        this.eventStream = eventStream;
        this.relay = relay;
        this.offers = offers;
        this.metrics = metrics;
        this.port = port;
    }

    /**
     * Migrates the database and starts listening; port 0 picks a free one (see {@link #port()}). With
     * Kafka brokers in the options, it also relays the events to them, and consumes their offers when
     * the options say so. {@code GET /metrics} shows no
     * connection-pool figures: the caller owns {@code dataSource}, which may not even be a pool.
     */
    public static DealsServer start(DataSource dataSource, ServerOptions options) {
        ServerMetrics metrics = ServerMetrics.start();
        try {
            return start(dataSource, options, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /** {@link #start(DataSource, ServerOptions)}, showing {@code metrics}, which the server closes when it closes. */
    static DealsServer start(DataSource dataSource, ServerOptions options, ServerMetrics metrics) {
        Migrations.apply(dataSource);
        List<Module> modules = new ArrayList<>(Deals.modules(dataSource, options.eventRetention(), options.heartbeat()));
        modules.add(metrics.module());
        modules.add(new WebModule(options.cursorKey(), options.tokens(), options.rateLimits()));
        options.kafkaBootstrap().ifPresent(servers -> modules.add(new RelayModule(servers)));
        if (options.ingestOffers()) {
            modules.add(new OfferModule());
        }
        Injector injector = Guice.createInjector(modules);
        HttpServer http = injector.getInstance(HttpServer.class);
        int port = http.start(options.port());
        Optional<EventRelay> relay = Optional.empty();
        try {
            EventStreamService eventStream = injector.getInstance(EventStreamService.class);
            Optional<OfferIngestionService> offers = options.ingestOffers()
                    ? Optional.of(injector.getInstance(OfferIngestionService.class)) : Optional.empty();
            relay = options.kafkaBootstrap().map(servers -> EventRelay.start(injector));
            Housekeeping housekeeping = new Housekeeping(injector.getInstance(PruneUseCase.class));
            // Last, as nothing after it may fail: a consumer that started would go on without a server.
            offers.ifPresent(OfferIngestionService::start);
            return new DealsServer(http, housekeeping, eventStream, relay, offers, metrics, port);
        } catch (RuntimeException e) {
            // The caller closes the pool and the metrics next: nothing may still be serving on them.
            relay.ifPresent(EventRelay::close);
            http.stop(Duration.ZERO);
            throw e;
        }
    }

    /**
     * {@link #start(DataSource, ServerOptions)} with the default options: no token verifies, so
     * reads alone are served.
     */
    public static DealsServer start(DataSource dataSource, int port, byte[] cursorKey) {
        return start(dataSource, ServerOptions.of(port, cursorKey));
    }

    public int port() {
        return port;
    }

    /** The routes the API serves, with what each asks of its caller. */
    public List<MatchedRoute> routes() {
        return http.routes();
    }

    /**
     * Stops taking requests, ends the event streams, finishes the requests in flight (up to 10 s),
     * then stops consuming offers (a batch under way gets a few seconds), the relay (which gives its
     * lease up) and the event subscriptions' listening thread, all before the caller closes the
     * connection pool.
     */
    @Override
    public void close() {
        housekeeping.close();
        http.stop(DRAIN);
        offers.ifPresent(OfferIngestionService::close);
        relay.ifPresent(EventRelay::close);
        eventStream.close();
        metrics.close();
    }
}
