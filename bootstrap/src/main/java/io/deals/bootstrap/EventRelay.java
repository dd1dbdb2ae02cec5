package io.deals.bootstrap;

import com.google.inject.Injector;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.service.EventRelayService;

/** A server's event relay while it runs: started with the server, stopped before its connection pool closes. */
final class EventRelay implements AutoCloseable {

    /** The connections a relay holds for long: its lease's (a standby borrows one only briefly). */
    static final int HELD_CONNECTIONS = 1;

    private final EventRelayService relay;
    private final EventPublisher publisher;

    private EventRelay(EventRelayService relay, EventPublisher publisher) {
        this.relay = relay;
        this.publisher = publisher;
    }

    /** Starts the relay bound by {@link RelayModule} in {@code injector}. */
    static EventRelay start(Injector injector) {
        EventRelay running = new EventRelay(injector.getInstance(EventRelayService.class),
                injector.getInstance(EventPublisher.class));
        running.relay.start();
        return running;
    }

    /** Stops relaying, gives the lease up, then closes the connections to the broker. */
    @Override
    public void close() {
        relay.close();
        publisher.close();
    }
}
