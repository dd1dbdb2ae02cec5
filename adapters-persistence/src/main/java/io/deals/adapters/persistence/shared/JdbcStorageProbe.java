package io.deals.adapters.persistence.shared;

import io.deals.application.health.port.out.StorageProbe;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Asks for a connection and checks it; the pool's connection timeout bounds how long that takes. */
public final class JdbcStorageProbe implements StorageProbe {

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    @Inject
    public JdbcStorageProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
