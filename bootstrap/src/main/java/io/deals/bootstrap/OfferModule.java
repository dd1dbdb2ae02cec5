package io.deals.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.offer.port.in.OfferQueries;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.offer.port.out.OfferSource;
import io.deals.application.offer.service.OfferIngestionService;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.TransactionRunner;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The consumer of offers, for a server that ingests them; installed beside {@link RelayModule},
 * whose messaging module binds the source. It needs the server's {@code MeterRegistry}.
 */
final class OfferModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), OfferQueries.class).setBinding().to(OfferIngestionService.class);
    }

    @Provides
    @Singleton
    OfferIngestionService offers(OfferSource source, OfferPositions positions, DealImports imports,
                                 TransactionRunner transactions, Clock clock, MeterRegistry registry) {
        OfferIngestionService offers = new OfferIngestionService(source, positions, imports, transactions, clock,
                new OfferMetrics(registry));
        OfferMetrics.watchLag(offers, registry);
        return offers;
    }
}
