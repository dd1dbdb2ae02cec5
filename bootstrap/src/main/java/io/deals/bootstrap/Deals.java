package io.deals.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.deals.adapters.csv.CsvModule;
import io.deals.adapters.persistence.Migrations;
import io.deals.adapters.persistence.PersistenceModule;
import io.deals.adapters.web.RepresentationModule;
import io.deals.application.deal.port.in.ChangeDealUseCase;
import io.deals.application.deal.port.in.CreateDealUseCase;
import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DeleteDealUseCase;
import io.deals.application.event.EventListener;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventQueries;
import io.deals.application.event.port.in.EventStreamQueries;
import io.deals.application.event.service.EventStreamService;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.hotel.port.in.ChangeHotelUseCase;
import io.deals.application.hotel.port.in.CreateHotelUseCase;
import io.deals.application.hotel.port.in.DeleteHotelUseCase;
import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.imports.port.in.ImportDealsUseCase;
import io.deals.application.retention.port.in.PruneUseCase;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding facade: a Java program hands over a {@code DataSource} it owns and gets the use
 * cases, with no HTTP. The caller keeps owning (and closes) the data source; closing this ends the
 * event subscriptions and their listening thread.
 *
 * <pre>{@code
 * Deals deals = Deals.embed(dataSource, Deals.Schema.MIGRATE);
 * HotelView hotel = deals.createHotel().create(new CreateHotelCommand(draft));
 * }</pre>
 */
public final class Deals implements AutoCloseable {

    /** What to do with the database's schema when embedding. */
    public enum Schema {
        /** Apply pending migrations first (Flyway). */
        MIGRATE,
        /** The caller manages the schema; use it as it is. */
        AS_IS
    }

    private final Injector injector;

    private Deals(Injector injector) {
        this.injector = injector;
    }

    public static Deals embed(DataSource dataSource, Schema schema) {
        return embed(dataSource, schema, List.of());
    }

    /** {@link #embed(DataSource, Schema)} in a server's process, counting what it does in the server's figures. */
    static Deals embed(DataSource dataSource, Schema schema, ServerMetrics metrics) {
        return embed(dataSource, schema, List.of(metrics.module()));
    }

    private static Deals embed(DataSource dataSource, Schema schema, List<Module> more) {
        if (schema == Schema.MIGRATE) {
            Migrations.apply(dataSource);
        }
        List<Module> modules = new ArrayList<>(modules(dataSource, ServerOptions.DEFAULT_EVENT_RETENTION,
                EventStreamService.DEFAULT_HEARTBEAT));
        modules.addAll(more);
        return new Deals(Guice.createInjector(modules));
    }

    /**
     * The modules of the use cases over a database, for callers that add their own (such as the
     * server); published events are pruned once older than {@code eventRetention}, and event
     * subscriptions get a heartbeat every {@code heartbeat}.
     */
    static List<Module> modules(DataSource dataSource, Duration eventRetention, Duration heartbeat) {
        return List.of(new PersistenceModule(dataSource), new CsvModule(), new RepresentationModule(),
                new ApplicationModule(eventRetention, heartbeat));
    }

    public CreateHotelUseCase createHotel() {
        return injector.getInstance(CreateHotelUseCase.class);
    }

    public ChangeHotelUseCase changeHotel() {
        return injector.getInstance(ChangeHotelUseCase.class);
    }

    public DeleteHotelUseCase deleteHotel() {
        return injector.getInstance(DeleteHotelUseCase.class);
    }

    public HotelQueries hotels() {
        return injector.getInstance(HotelQueries.class);
    }

    public CreateDealUseCase createDeal() {
        return injector.getInstance(CreateDealUseCase.class);
    }

    public ChangeDealUseCase changeDeal() {
        return injector.getInstance(ChangeDealUseCase.class);
    }

    public DeleteDealUseCase deleteDeal() {
        return injector.getInstance(DeleteDealUseCase.class);
    }

    public DealQueries deals() {
        return injector.getInstance(DealQueries.class);
    }

    /** Bulk loading of deals files (CSV), as {@code POST /imports} and the {@code import} command do. */
    public ImportDealsUseCase importDeals() {
        return injector.getInstance(ImportDealsUseCase.class);
    }

    /** The event feed: every change in commit order, as {@code GET /events} serves it. */
    public EventQueries events() {
        return injector.getInstance(EventQueries.class);
    }

    /**
     * Follows the feed: {@code listener} gets every event after {@code after} (a {@code seq}; null for
     * the oldest kept) that matches {@code filter}, those recorded first, then each as it commits, in
     * order and exactly once, on a small shared pool (return quickly). The first subscription starts
     * a thread listening to the database, holding one connection of the data source until
     * {@link #close()}.
     *
     * @throws io.deals.application.event.EventsGoneException when retention already deleted events after {@code after}
     */
    public EventSubscription subscribe(Long after, EventFilter filter, EventListener listener) {
        return injector.getInstance(EventStreamQueries.class).subscribe(after, filter, listener);
    }

    /**
     * Deletes published events older than the retention (7 days) and idempotency keys older than
     * 24 hours; a server does this every minute, an embedding program when it sees fit.
     */
    public PruneUseCase prune() {
        return injector.getInstance(PruneUseCase.class);
    }

    public HealthQueries health() {
        return injector.getInstance(HealthQueries.class);
    }

    /** Ends every subscription (each listener hears {@code STOPPED}) and stops the listening thread. */
    @Override
    public void close() {
        injector.getInstance(EventStreamService.class).close();
    }
}
