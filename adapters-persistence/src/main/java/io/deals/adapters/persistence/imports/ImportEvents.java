package io.deals.adapters.persistence.imports;

import io.deals.adapters.persistence.deal.DealViewRow;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.domain.deal.DealEvent;
import io.deals.domain.hotel.HotelEvent;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * An import's events, with the same data as the API's own writes: every created hotel's, then for
 * each created or updated deal in id order its {@code created} or {@code updated} (and
 * {@code price_changed}) event. Each chunk of views is read as {@code GET} reads it, written by the
 * one representation and COPYed into a staging table, after those of the transaction's earlier
 * merges; {@link PostgresDealImports#appendEvents} then appends them all to the outbox in one
 * statement under the feed's lock (see OutboxMapper.xml), which other writers thus wait for only briefly.
 */
final class ImportEvents {

    private static final int CHUNK = 5_000;
    private static final String COPY =
            "COPY import_events (aggregate_type, aggregate_id, event_type, price_changed, payload, occurred_at) FROM STDIN";

    private final PGConnection connection;
    private final DealImportMapper mapper;
    private final DealRepresentation deals;
    private final HotelRepresentation hotels;
    private final StringBuilder rows = new StringBuilder(CHUNK * 1024);

    ImportEvents(PGConnection connection, DealImportMapper mapper, DealRepresentation deals,
                 HotelRepresentation hotels) {
        this.connection = connection;
        this.mapper = mapper;
        this.deals = deals;
        this.hotels = hotels;
    }

    /** Stages them, after those of the transaction's earlier merges, for {@link PostgresDealImports#appendEvents}. */
    void stage(Instant at) {
        String time = at.toString();
        mapper.createEventStaging();
        for (HotelView hotel : mapper.createdHotels()) {
            row("hotel", hotel.id(), HotelEvent.Created.TYPE, false, hotels.of(hotel), time);
        }
        copy();
        long after = 0;
        for (List<ChangedDeal> chunk = mapper.changedDeals(after, CHUNK); !chunk.isEmpty();
             chunk = mapper.changedDeals(after, CHUNK)) {
            List<DealViewRow> views = mapper.dealViews(chunk.stream().map(ChangedDeal::dealId).toArray(Long[]::new));
            if (views.size() != chunk.size()) {
                throw new IllegalStateException("the import's deals changed under its locks");
            }
            for (int i = 0; i < chunk.size(); i++) {
                ChangedDeal deal = chunk.get(i);
                row("deal", deal.dealId(), deal.created() ? DealEvent.Created.TYPE : DealEvent.Updated.TYPE,
                        deal.pricesChanged(), deals.of(views.get(i).toView()), time);
            }
            copy();
            after = chunk.get(chunk.size() - 1).dealId();
        }
    }

    /** A staged event; one whose prices changed stands for its price_changed event too. */
    private void row(String aggregate, long id, String type, boolean pricesChanged, String data, String time) {
        rows.append(aggregate).append('\t').append(id).append('\t').append(type).append('\t')
                .append(pricesChanged).append('\t');
        CopyText.append(rows, data).append('\t').append(time).append('\n');
    }

    private void copy() {
        if (rows.isEmpty()) {
            return;
        }
        try {
            connection.getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_events failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into import_events failed", e);
        }
        rows.setLength(0);
    }
}
