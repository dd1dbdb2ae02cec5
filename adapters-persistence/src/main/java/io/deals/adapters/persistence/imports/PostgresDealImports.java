package io.deals.adapters.persistence.imports;

import io.deals.adapters.persistence.shared.OutboxMapper;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.imports.port.out.DealImportBatch;
import io.deals.application.imports.port.out.DealImports;
import io.deals.domain.deal.DealEvent;
import jakarta.inject.Inject;
import org.apache.ibatis.session.SqlSessionManager;
import org.postgresql.PGConnection;

import java.sql.SQLException;

/** Imports through PostgreSQL's COPY into a temporary staging table, on the transaction's own connection. */
public final class PostgresDealImports implements DealImports {

    private final SqlSessionManager sessions;
    private final DealImportMapper mapper;
    private final OutboxMapper outbox;
    private final DealRepresentation deals;
    private final HotelRepresentation hotels;

    @Inject
    PostgresDealImports(SqlSessionManager sessions, DealImportMapper mapper, OutboxMapper outbox,
                        DealRepresentation deals, HotelRepresentation hotels) {
        this.sessions = sessions;
        this.mapper = mapper;
        this.outbox = outbox;
        this.deals = deals;
        this.hotels = hotels;
    }

    @Override
    public DealImportBatch begin() {
        mapper.dropStaging();
        mapper.createStaging();
        try {
            PGConnection connection = sessions.getConnection().unwrap(PGConnection.class);
            return new CopyImportBatch(connection, mapper,
                    new ImportEvents(connection, mapper, deals, hotels));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into the staging table", e);
        }
    }

    @Override
    public void appendEvents() {
        outbox.lockFeed();
        mapper.appendStagedEvents(DealEvent.PriceChanged.TYPE);
        outbox.signalAppended();
    }
}
