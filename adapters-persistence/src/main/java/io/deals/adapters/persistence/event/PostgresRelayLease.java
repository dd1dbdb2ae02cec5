package io.deals.adapters.persistence.event;

import io.deals.application.event.RelayLeaseLostException;
import io.deals.application.event.port.out.RelayLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A held lease: its connection holds the advisory lock. Everything it does runs on that connection,
 * so it fails once the connection (and with it the lock) is gone; the checks also ask pg_locks, so
 * they fail as well if the lock were ever released on a connection that lives on.
 */
final class PostgresRelayLease implements RelayLease {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresRelayLease.class);

    /** A statement on a connection whose peer vanished without a word fails after this long, rather than hanging. */
    private static final int NETWORK_TIMEOUT_MS = 10_000;

    private static final String LOCK_HELD = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid = pg_backend_pid() AND classid = ?::oid AND objid = ?::oid AND objsubid = 2";
    private static final String HELD = "SELECT EXISTS (" + LOCK_HELD + ")";
    private static final String ADVANCE = "UPDATE event_relays SET position = ?, updated_at = now()"
            + " WHERE name = ? AND EXISTS (" + LOCK_HELD + ")";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    private static final String KEEPALIVE = "SET tcp_keepalives_idle = 2; SET tcp_keepalives_interval = 1;"
            + " SET tcp_keepalives_count = 3; SET tcp_user_timeout = 5000";
    private static final String DEFAULT_KEEPALIVE = "RESET tcp_keepalives_idle; RESET tcp_keepalives_interval;"
            + " RESET tcp_keepalives_count; RESET tcp_user_timeout";

    private final Connection connection;
    private final String name;
    private final int key;
    private final long position;

    private PostgresRelayLease(Connection connection, String name, int key, long position) {
        this.connection = connection;
        this.name = name;
        this.key = key;
        this.position = position;
    }

    static PostgresRelayLease open(Connection connection, String name, int key, long position) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MS);
        // The lock is freed only when the server notices the session is gone: a leader whose host
        // died or whose network split would otherwise hold it until the OS's keepalive (hours).
        try (Statement statement = connection.createStatement()) {
            statement.execute(KEEPALIVE);
        }
        return new PostgresRelayLease(connection, name, key, position);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean held() {
        try (PreparedStatement statement = lockStatement(HELD, 1); ResultSet row = statement.executeQuery()) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            LOG.debug("The lease of relay {} is gone", name, e);
            return false;
        }
    }

    @Override
    public void advance(long newPosition) {
        try (PreparedStatement statement = lockStatement(ADVANCE, 3)) {
            statement.setLong(1, newPosition);
            statement.setString(2, name);
            if (statement.executeUpdate() != 1) {
                throw new RelayLeaseLostException("relay " + name + " no longer holds its lease", null);
            }
        } catch (SQLException e) {
            throw new RelayLeaseLostException("relay " + name + " lost its lease's connection", e);
        }
    }

    @Override
    public void close() {
        release(connection, name, key);
    }

    /**
     * Unlocks, then closes: a pooled connection would otherwise keep the lock for its next borrower.
     * One whose unlock failed may still hold it, so it is aborted, never handed back to the pool.
     */
    static void release(Connection connection, String name, int key) {
        try (connection) {
            try (PreparedStatement statement = connection.prepareStatement(UNLOCK);
                 Statement reset = connection.createStatement()) {
                statement.setInt(1, PostgresRelayLeases.LOCK_CLASS);
                statement.setInt(2, key);
                statement.execute();
                reset.execute(DEFAULT_KEEPALIVE);
            } catch (SQLException e) {
                LOG.debug("Could not unlock the lease of relay {}; dropping its connection", name, e);
                connection.abort(Runnable::run);
            }
        } catch (SQLException e) {
            LOG.debug("Could not close the lease connection of relay {}", name, e);
        }
    }

    /** A statement whose lock key parameters start at {@code firstKeyParameter}. */
    private PreparedStatement lockStatement(String sql, int firstKeyParameter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setInt(firstKeyParameter, PostgresRelayLeases.LOCK_CLASS);
        statement.setInt(firstKeyParameter + 1, key);
        return statement;
    }
}
