package io.deals.adapters.persistence.event;

import io.deals.adapters.persistence.shared.PostgresErrors;
import io.deals.application.event.port.out.RelayLease;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.shared.StorageUnavailableException;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A relay's lease is a PostgreSQL session-level advisory lock, held on a connection of its own for
 * as long as the relay leads. PostgreSQL frees it when that session ends, however it ends (the
 * process dies, the connection breaks), so another process can take over at once. The lock's key
 * is (7242003, a number derived from the relay's name); the feed's own lock uses the one-number form.
 */
public final class PostgresRelayLeases implements RelayLeases {

    /** Relay names become advisory lock keys in this class; see OutboxMapper.xml for 7242002. */
    static final int LOCK_CLASS = 7242003;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    private static final String REGISTER = "INSERT INTO event_relays (name, position, updated_at) VALUES (?, 0, now())"
            + " ON CONFLICT (name) DO NOTHING";
    private static final String POSITION = "SELECT position FROM event_relays WHERE name = ?";

    private final DataSource dataSource;

    @Inject
    PostgresRelayLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<RelayLease> tryAcquire(String name) {
        int key = lockKey(name);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("cannot take the lease of relay " + name, e);
        }
        try {
            // The lease's statements must take effect one by one, whatever the pool's default is.
            connection.setAutoCommit(true);
            if (!locked(connection, key)) {
                connection.close();
                return Optional.empty();
            }
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failure("cannot take the lease of relay " + name, e);
        }
        try {
            return Optional.of(PostgresRelayLease.open(connection, name, key, register(connection, name)));
        } catch (SQLException e) {
            // Never hand a connection that holds the lock back to the pool.
            PostgresRelayLease.release(connection, name, key);
            throw failure("cannot read the position of relay " + name, e);
        }
    }

    @Override
    public long position(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(POSITION)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("cannot read the position of relay " + name, e);
        }
    }

    /** A stable, non-negative number per name (String.hashCode is specified); two names that share one share a lease. */
    static int lockKey(String name) {
        return name.hashCode() & Integer.MAX_VALUE;
    }

    private static boolean locked(Connection connection, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Records the relay at position 0 on its first lease, so that retention keeps what it has yet to publish. */
    private static long register(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(REGISTER);
             PreparedStatement select = connection.prepareStatement(POSITION)) {
            insert.setString(1, name);
            insert.executeUpdate();
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static RuntimeException failure(String what, SQLException e) {
        return PostgresErrors.isUnreachable(e) ? new StorageUnavailableException(what, e) : new IllegalStateException(what, e);
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
