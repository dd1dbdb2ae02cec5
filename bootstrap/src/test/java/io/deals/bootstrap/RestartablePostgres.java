package io.deals.bootstrap;

import io.deals.adapters.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL of a test's own, apart from the shared test database, that the test may
 * stop under a running server and start again on the same port with the same data, as a database
 * that goes away for a while.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private String jdbcUrl;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new database in {@code dataDirectory} (an empty directory), on a free port. */
    public static RestartablePostgres start(Path dataDirectory) {
        RestartablePostgres database = new RestartablePostgres(dataDirectory, freePort());
        database.restart();
        return database;
    }

    /** How to connect; the same whether it runs or not. */
    public DatabaseSettings settings() {
        return DatabaseSettings.fromUrl(jdbcUrl);
    }

    /** Stops it: connections break, new ones are refused. */
    public void stop() {
        close();
    }

    /** Starts it again, on its port and with its data. */
    public void restart() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
            } finally {
                postgres = null;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
