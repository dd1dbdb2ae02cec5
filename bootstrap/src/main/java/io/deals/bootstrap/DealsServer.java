package io.deals.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Module;
import io.deals.adapters.persistence.Migrations;
import io.deals.adapters.web.HttpServer;
import io.deals.adapters.web.WebModule;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The HTTP API over a database: migrations, wiring, and a server that drains on close. */
public final class DealsServer implements AutoCloseable {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final HttpServer http;
    private final int port;

    private DealsServer(HttpServer http, int port) {
        this.http = http;
        this.port = port;
    }

    /**
     * Migrates the database and starts listening; port 0 picks a free one (see {@link #port()}).
     * {@code cursorKey} signs page cursors (see {@link CursorKeys}).
     */
    public static DealsServer start(DataSource dataSource, int port, byte[] cursorKey) {
        Migrations.apply(dataSource);
        List<Module> modules = new ArrayList<>(Deals.modules(dataSource));
        modules.add(new WebModule(cursorKey));
        HttpServer http = Guice.createInjector(modules).getInstance(HttpServer.class);
        return new DealsServer(http, http.start(port));
    }

    public int port() {
        return port;
    }

    /** Stops taking requests, finishes those in flight (up to 10 s), then stops. */
    @Override
    public void close() {
        http.stop(DRAIN);
    }
}
