package io.deals.adapters.persistence.imports;

import io.deals.application.imports.port.out.DealImportBatch;
import io.deals.application.imports.port.out.DealImports;
import jakarta.inject.Inject;
import org.apache.ibatis.session.SqlSessionManager;
import org.postgresql.PGConnection;

import java.sql.SQLException;

/** Imports through PostgreSQL's COPY into a temporary staging table, on the transaction's own connection. */
public final class PostgresDealImports implements DealImports {

    private final SqlSessionManager sessions;
    private final DealImportMapper mapper;

    @Inject
    PostgresDealImports(SqlSessionManager sessions, DealImportMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public DealImportBatch begin() {
        mapper.createStaging();
        try {
            PGConnection connection = sessions.getConnection().unwrap(PGConnection.class);
            return new CopyImportBatch(connection, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into the staging table", e);
        }
    }
}
