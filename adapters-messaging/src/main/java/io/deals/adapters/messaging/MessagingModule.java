package io.deals.adapters.messaging;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.deals.application.event.port.out.EventPublisher;
import jakarta.inject.Singleton;

import java.util.Objects;

/** Binds the event publisher to Kafka. Install it only when a broker is configured: nothing else loads Kafka. */
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
}
