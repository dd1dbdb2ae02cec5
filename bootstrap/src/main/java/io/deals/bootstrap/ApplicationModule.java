package io.deals.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.deals.application.deal.port.in.ChangeDealUseCase;
import io.deals.application.deal.port.in.CreateDealUseCase;
import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DeleteDealUseCase;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.deal.service.ChangeDealService;
import io.deals.application.deal.service.CreateDealService;
import io.deals.application.deal.service.DealQueryService;
import io.deals.application.deal.service.DeleteDealService;
import io.deals.application.event.port.in.EventQueries;
import io.deals.application.event.port.in.EventStreamQueries;
import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventSignals;
import io.deals.application.event.service.EventQueryService;
import io.deals.application.event.service.EventStreamService;
import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.out.StorageProbe;
import io.deals.application.health.service.HealthQueryService;
import io.deals.application.hotel.port.in.ChangeHotelUseCase;
import io.deals.application.hotel.port.in.CreateHotelUseCase;
import io.deals.application.hotel.port.in.DeleteHotelUseCase;
import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.hotel.service.ChangeHotelService;
import io.deals.application.hotel.service.CreateHotelService;
import io.deals.application.hotel.service.DeleteHotelService;
import io.deals.application.hotel.service.HotelQueryService;
import io.deals.application.imports.port.in.ImportDealsUseCase;
import io.deals.application.imports.port.out.DealFiles;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.imports.port.out.ImportMonitor;
import io.deals.application.imports.service.ImportDealsService;
import io.deals.application.offer.port.in.OfferQueries;
import io.deals.application.retention.port.in.PruneUseCase;
import io.deals.application.retention.port.out.Pruning;
import io.deals.application.retention.service.PruneService;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.application.shared.port.out.TransactionRunner;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The composition root of the application layer: services stay free of framework types, so
 * they are built here from the ports the adapters bind.
 */
final class ApplicationModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationModule.class);

    private final Duration eventRetention;
    private final Duration heartbeat;

    ApplicationModule(Duration eventRetention, Duration heartbeat) {
        this.eventRetention = eventRetention;
        this.heartbeat = heartbeat;
    }

    @Override
    protected void configure() {
        bind(Clock.class).to(SystemClock.class).in(Singleton.class);
        // Bound by RelayModule when the server relays events to a broker.
        OptionalBinder.newOptionalBinder(binder(), RelayQueries.class);
        OptionalBinder.newOptionalBinder(binder(), OfferQueries.class);
        // Imports are counted where ServerMetrics binds a monitor here; an embedding program's are not.
        OptionalBinder.newOptionalBinder(binder(), ImportMonitor.class).setDefault().toInstance(ImportMonitor.NONE);
    }

    @Provides
    @Singleton
    CreateHotelUseCase createHotel(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                                   HotelRepresentation representation, IdempotencyKeys keys, TransactionRunner tx,
                                   Clock clock) {
        return new CreateHotelService(hotels, search, outbox, representation, keys, tx, clock);
    }

    @Provides
    @Singleton
    ChangeHotelUseCase changeHotel(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                                   HotelRepresentation representation, TransactionRunner tx, Clock clock) {
        return new ChangeHotelService(hotels, search, outbox, representation, tx, clock);
    }

    @Provides
    @Singleton
    DeleteHotelUseCase deleteHotel(HotelRepository hotels, HotelSearch search, EventOutbox outbox,
                                   HotelRepresentation representation, TransactionRunner tx, Clock clock) {
        return new DeleteHotelService(hotels, search, outbox, representation, tx, clock);
    }

    @Provides
    @Singleton
    HotelQueries hotelQueries(HotelSearch search, TransactionRunner tx) {
        return new HotelQueryService(search, tx);
    }

    @Provides
    @Singleton
    CreateDealUseCase createDeal(DealRepository deals, DealSearch search, EventOutbox outbox,
                                 DealRepresentation representation, IdempotencyKeys keys, TransactionRunner tx,
                                 Clock clock) {
        return new CreateDealService(deals, search, outbox, representation, keys, tx, clock);
    }

    @Provides
    @Singleton
    ChangeDealUseCase changeDeal(DealRepository deals, DealSearch search, EventOutbox outbox,
                                 DealRepresentation representation, TransactionRunner tx, Clock clock) {
        return new ChangeDealService(deals, search, outbox, representation, tx, clock);
    }

    @Provides
    @Singleton
    DeleteDealUseCase deleteDeal(DealRepository deals, DealSearch search, EventOutbox outbox,
                                 DealRepresentation representation, TransactionRunner tx, Clock clock) {
        return new DeleteDealService(deals, search, outbox, representation, tx, clock);
    }

    @Provides
    @Singleton
    DealQueries dealQueries(DealSearch search, TransactionRunner tx) {
        return new DealQueryService(search, tx);
    }

    @Provides
    @Singleton
    ImportDealsUseCase importDeals(DealFiles files, DealImports imports, TransactionRunner tx, Clock clock,
                                   ImportMonitor monitor) {
        return new ImportDealsService(files, imports, tx, clock, monitor);
    }

    @Provides
    @Singleton
    EventQueries eventQueries(EventLog log) {
        return new EventQueryService(log);
    }

    /** Started by the first subscription; whoever built the injector closes it (see {@link Deals#close()}). */
    @Provides
    @Singleton
    EventStreamService eventStream(EventLog log, EventSignals signals) {
        return new EventStreamService(log, signals, heartbeat,
                failure -> LOG.warn("The event stream carries on after a failure", failure));
    }

    @Provides
    @Singleton
    EventStreamQueries eventStreamQueries(EventStreamService eventStream) {
        return eventStream;
    }

    @Provides
    @Singleton
    PruneUseCase prune(Pruning pruning, Clock clock) {
        return new PruneService(pruning, clock, eventRetention);
    }

    @Provides
    @Singleton
    HealthQueries health(StorageProbe storage, Optional<RelayQueries> relay, Optional<OfferQueries> offers) {
        return new HealthQueryService(storage, relay, offers);
    }
}
