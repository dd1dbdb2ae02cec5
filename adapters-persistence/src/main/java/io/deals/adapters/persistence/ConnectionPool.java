package io.deals.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/** The server's HikariCP pool on PostgreSQL. Embedding programs may bring their own {@code DataSource}. */
public final class ConnectionPool implements AutoCloseable {

    /**
     * Small on purpose: PostgreSQL does best with about two connections per core. One more is for
     * the event signals' LISTEN, held from the first stream subscription until the server stops
     * (even with no subscriber left), so requests keep their share.
     */
    private static final int SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) + 1;

    /** A request waits at most this long for a connection, so a database that is down is a quick 503. */
    private static final long CONNECTION_TIMEOUT_MS = 1_500;

    private final HikariDataSource dataSource;

    private ConnectionPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the pool; fails at once if the database cannot be reached. */
    public static ConnectionPool open(DatabaseSettings settings) {
        return open(settings, 0);
    }

    /**
     * {@link #open(DatabaseSettings)}, with {@code heldConnections} more than the requests share, for
     * connections that are taken for as long as the server runs (such as the event relay's lease).
     */
    public static ConnectionPool open(DatabaseSettings settings, int heldConnections) {
        return open(settings, heldConnections, null);
    }

    /**
     * {@link #open(DatabaseSettings, int)}, reporting the pool's figures ({@code hikaricp_connections_*}:
     * active, idle, pending, timeouts, acquisition and usage times) to {@code meterRegistry}, a Micrometer
     * {@code MeterRegistry}. It is handed to HikariCP's own tracker as it is, so this adapter needs no
     * metrics library; null reports nothing.
     */
    public static ConnectionPool open(DatabaseSettings settings, int heldConnections, Object meterRegistry) {
        HikariConfig config = new HikariConfig();
        config.setMetricRegistry(meterRegistry);
        config.setPoolName("deals");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(SIZE + heldConnections);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("ApplicationName", "deals");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new ConnectionPool(new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
