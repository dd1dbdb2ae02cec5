package io.deals.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.deals.adapters.messaging.MessagingModule;
import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.event.service.EventRelayService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The relay of the events to Kafka, for a server configured with brokers; {@link EventRelay} runs it.
 * It needs the server's {@code MeterRegistry} (see {@link ServerMetrics}).
 */
final class RelayModule extends AbstractModule {

    /** The relay's name in {@code event_relays}, and so its lease. */
    static final String NAME = "kafka";

    /** Events read and published at a time: large enough to amortize each round trip, see benchmarks/README.md. */
    static final int BATCH_SIZE = 2_000;

    private final String bootstrapServers;

    RelayModule(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    protected void configure() {
        install(new MessagingModule(bootstrapServers));
        OptionalBinder.newOptionalBinder(binder(), RelayQueries.class).setBinding().to(EventRelayService.class);
    }

    @Provides
    @Singleton
    EventRelayService relay(EventLog log, RelayLeases leases, EventPublisher publisher, MeterRegistry registry) {
        EventRelayService relay = new EventRelayService(NAME, log, leases, publisher,
                new RelayMetrics(new RelayLog(), registry), BATCH_SIZE);
        RelayMetrics.watchLag(relay, registry);
        return relay;
    }
}
