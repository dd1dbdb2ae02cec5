package io.deals.adapters.persistence.event;

import io.deals.adapters.persistence.shared.OutboxMapper;
import io.deals.application.event.port.out.EventSignals;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's LISTEN on the channel every appending transaction notifies when it commits. One
 * connection from the {@code DataSource} is held while listening (pgjdbc receives notifications
 * only by polling the connection), and one daemon thread polls it. When the connection breaks it
 * reconnects with a growing pause, and signals once after each (re)connection, since commits may
 * have gone unheard meanwhile.
 */
public final class PostgresEventSignals implements EventSignals {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventSignals.class);

    /** How long one poll waits for a notification: also how long stopping may take. */
    private static final int POLL_MILLIS = 500;
    /** A connection that heard nothing for this long is checked, so that a dead one is noticed. */
    private static final Duration CHECK_WHEN_QUIET = Duration.ofSeconds(30);
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final DataSource dataSource;

    @Inject
    PostgresEventSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Listening listen(Runnable appended) {
        Listener listener = new Listener(appended);
        Thread thread = new Thread(listener::run, "deals-event-signals");
        thread.setDaemon(true);
        thread.start();
        return () -> listener.stop(thread);
    }

    private final class Listener {

        private final Runnable appended;
        private final CountDownLatch stopped = new CountDownLatch(1);
        /** Before the next reconnection; only the listening thread uses it. */
        private Duration pause = FIRST_PAUSE;

        Listener(Runnable appended) {
            this.appended = appended;
        }

        void run() {
            while (stopped.getCount() > 0) {
                try (Connection connection = dataSource.getConnection()) {
                    listenOn(connection);
                } catch (SQLException | RuntimeException e) {
                    if (stopped.getCount() > 0) {
                        LOG.warn("Listening for appended events failed, reconnecting in {} ms: {}", pause.toMillis(),
                                e.toString());
                    }
                }
                if (awaitStop(pause)) {
                    return;
                }
                pause = longer(pause);
            }
        }

        /** Listens until stopped (returns) or the connection fails (throws). */
        private void listenOn(Connection connection) throws SQLException {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + OutboxMapper.CHANNEL);
            }
            // Connected: a later break is a new outage, retried quickly again.
            pause = FIRST_PAUSE;
            try {
                signal();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (stopped.getCount() > 0) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        signal();
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > CHECK_WHEN_QUIET.toNanos()) {
                        if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                            throw new SQLException("the listening connection no longer answers");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } finally {
                // The connection goes back to a pool: it must not go on collecting notifications there.
                unlisten(connection);
            }
        }

        private void signal() {
            try {
                appended.run();
            } catch (RuntimeException e) {
                LOG.error("Handling an appended-events signal failed", e);
            }
        }

        private void unlisten(Connection connection) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
            } catch (SQLException broken) {
                // A broken connection listens no more either; the pool discards it.
            }
        }

        private static Duration longer(Duration pause) {
            Duration doubled = pause.multipliedBy(2);
            return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
        }

        private boolean awaitStop(Duration pause) {
            try {
                return stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        void stop(Thread thread) {
            stopped.countDown();
            try {
                thread.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
