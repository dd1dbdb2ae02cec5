package io.deals.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool the server runs on. Embedding programs may bring their own {@code DataSource}. */
public final class PostgresDataSources {

    /** Small on purpose: PostgreSQL does best with about two connections per core. */
    private static final int POOL_SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /** A request waits at most this long for a connection, so a database that is down is a quick 503. */
    private static final long CONNECTION_TIMEOUT_MS = 1_500;

    private PostgresDataSources() {
    }

    public static HikariDataSource pooled(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("deals");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("ApplicationName", "deals");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }
}
