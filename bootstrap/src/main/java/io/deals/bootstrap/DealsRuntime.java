package io.deals.bootstrap;

import io.deals.adapters.persistence.ConnectionPool;
import io.deals.adapters.persistence.DatabaseSettings;
import io.deals.adapters.persistence.Migrations;
import io.deals.bootstrap.demo.DemoCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running server with everything it owns: the embedded PostgreSQL (when there is no external
 * one), the connection pool and the HTTP API. Closing stops them in reverse order.
 */
public final class DealsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DealsRuntime.class);

    private final EmbeddedDatabase embedded;
    private final ConnectionPool pool;
    private final DealsServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private DealsRuntime(EmbeddedDatabase embedded, ConnectionPool pool, DealsServer server) {
        this.embedded = embedded;
        this.pool = pool;
        this.server = server;
    }

    /**
     * Starts an embedded PostgreSQL keeping its data in {@code dataDirectory}, then the API on it;
     * with {@code demo}, a database without deals first gets the demo data.
     */
    public static DealsRuntime embedded(Path dataDirectory, ServerOptions options, boolean demo) {
        long started = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
        LOG.info("Embedded PostgreSQL running, data in {}", dataDirectory.toAbsolutePath().normalize());
        try {
            return start(database, database.settings(), options, demo, started);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts the API on an existing PostgreSQL; {@code demo} as for {@link #embedded}. */
    public static DealsRuntime external(String jdbcUrl, ServerOptions options, boolean demo) {
        return start(null, DatabaseSettings.fromUrl(jdbcUrl), options, demo, System.nanoTime());
    }

    /** Applies pending migrations to a database and returns how many ran. */
    public static int migrate(String jdbcUrl) {
        try (ConnectionPool pool = ConnectionPool.open(DatabaseSettings.fromUrl(jdbcUrl))) {
            return Migrations.apply(pool.dataSource());
        }
    }

    /** The pool reports to the server's metrics, and so does the demo's import: both are the server's. */
    private static DealsRuntime start(EmbeddedDatabase embedded, DatabaseSettings settings, ServerOptions options,
                                      boolean demo, long startedNanos) {
        ServerMetrics metrics = ServerMetrics.start();
        ConnectionPool pool;
        try {
            pool = ConnectionPool.open(settings, options.kafkaBootstrap().isPresent() ? EventRelay.HELD_CONNECTIONS : 0,
                    metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        try {
            if (demo) {
                // Before listening, so that the first request already finds the catalogue.
                try (Deals deals = Deals.embed(pool.dataSource(), Deals.Schema.MIGRATE, metrics)) {
                    DemoCatalogue.loadIfEmpty(deals);
                }
            }
            DealsServer server = DealsServer.start(pool.dataSource(), options, metrics);
            LOG.info("Deals is serving http://localhost:{}/ (started in {} ms)", server.port(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
            return new DealsRuntime(embedded, pool, server);
        } catch (RuntimeException e) {
            pool.close();
            metrics.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public void awaitShutdown() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        LOG.info("Shutting down: finishing the requests in flight");
        server.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
        closed.countDown();
        LOG.info("Stopped");
    }
}
