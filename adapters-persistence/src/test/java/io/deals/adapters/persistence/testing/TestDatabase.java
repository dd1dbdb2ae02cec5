package io.deals.adapters.persistence.testing;

import io.deals.adapters.persistence.DatabaseSettings;
import io.deals.adapters.persistence.Migrations;
import io.deals.adapters.persistence.ConnectionPool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real, migrated PostgreSQL per test JVM: the one named by {@code DEALS_TEST_DB_URL} when set,
 * else a Testcontainers {@code postgres:18} where a Docker engine answers, else an embedded one.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

    private static final DatabaseSettings SETTINGS = locate();
    private static final DataSource DATA_SOURCE = migrated(SETTINGS);

    private TestDatabase() {
    }

    public static DataSource dataSource() {
        return DATA_SOURCE;
    }

    public static DatabaseSettings settings() {
        return SETTINGS;
    }

    /**
     * Empties every table and restarts the ids, so that each test starts from nothing; relays
     * forget where they stood, since the events they published are gone, and offer consumers
     * where they stood in their topics.
     */
    public static void reset() {
        execute("TRUNCATE idempotency_keys, outbox_events, event_relays, offer_positions, deal_price_history, "
                + "deal_categories, categories, deals, hotels RESTART IDENTITY CASCADE");
        execute("UPDATE event_retention SET deleted_through = 0");
    }

    public static void execute(String sql) {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    private static DatabaseSettings locate() {
        String url = System.getenv("DEALS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            LOG.info("Testing against the database in DEALS_TEST_DB_URL");
            return DatabaseSettings.fromUrl(url);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            LOG.info("Testing against Testcontainers postgres:18");
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18");
            container.start();
            return new DatabaseSettings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        LOG.info("No Docker engine answers: testing against an embedded PostgreSQL");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return DatabaseSettings.fromUrl(postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static DataSource migrated(DatabaseSettings settings) {
        DataSource dataSource = ConnectionPool.open(settings).dataSource();
        Migrations.apply(dataSource);
        return dataSource;
    }
}
