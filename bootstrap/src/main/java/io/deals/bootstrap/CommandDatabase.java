package io.deals.bootstrap;

import io.deals.adapters.persistence.ConnectionPool;
import io.deals.adapters.persistence.DatabaseSettings;

import java.nio.file.Path;

/**
 * The database a one-off command works on, migrated and embedded: the PostgreSQL a URL names,
 * or else the embedded one the server keeps in its data directory. Closing stops what it started.
 */
public final class CommandDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final ConnectionPool pool;
    private final Deals deals;

    private CommandDatabase(EmbeddedDatabase embedded, ConnectionPool pool) {
        this.embedded = embedded;
        this.pool = pool;
        this.deals = Deals.embed(pool.dataSource(), Deals.Schema.MIGRATE);
    }

    /** {@code jdbcUrl} when given, else the embedded PostgreSQL in {@code dataDirectory}. */
    public static CommandDatabase open(String jdbcUrl, Path dataDirectory) {
        if (jdbcUrl != null) {
            return new CommandDatabase(null, ConnectionPool.open(DatabaseSettings.fromUrl(jdbcUrl)));
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
        try {
            return new CommandDatabase(database, ConnectionPool.open(database.settings()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Deals deals() {
        return deals;
    }

    @Override
    public void close() {
        deals.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
