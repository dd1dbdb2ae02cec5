package io.deals.adapters.messaging;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.offer.port.out.OfferSource;
import jakarta.inject.Singleton;

import java.util.Objects;

/**
 * Binds the event publisher and the offer source to Kafka. Install it only when a broker is
 * configured: nothing else loads Kafka. Neither connects before it is used.
 */
public final class MessagingModule extends AbstractModule {

    private final String bootstrapServers;

    /** {@code bootstrapServers}: Kafka's {@code host:port[,host:port...]}. */
    public MessagingModule(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    @Provides
    @Singleton
    EventPublisher publisher() {
        return new KafkaEventPublisher(bootstrapServers);
    }

    @Provides
    @Singleton
    OfferSource offers() {
        return new KafkaOfferSource(bootstrapServers);
    }
}
