package io.deals.bootstrap;

import com.google.inject.Injector;
import io.deals.application.event.port.out.EventPublisher;
import io.deals.application.event.port.out.EventSignals;
import io.deals.application.event.service.EventRelayService;

/** A server's event relay while it runs: started with the server, stopped before its connection pool closes. */
final class EventRelay implements AutoCloseable {

    /**
     * The connections a relay holds for long: its lease's, and the one listening for commits, which
     * wakes it as soon as events are appended (a standby borrows one only briefly).
     */
    static final int HELD_CONNECTIONS = 2;

    private final EventRelayService relay;
    private final EventPublisher publisher;
    private final EventSignals.Listening commits;

    private EventRelay(EventRelayService relay, EventPublisher publisher, EventSignals.Listening commits) {
        this.relay = relay;
        this.publisher = publisher;
        this.commits = commits;
    }

    /** Starts the relay bound by {@link RelayModule} in {@code injector}, woken by every commit that appends events. */
    static EventRelay start(Injector injector) {
        EventRelayService relay = injector.getInstance(EventRelayService.class);
        relay.start();
        return new EventRelay(relay, injector.getInstance(EventPublisher.class),
                injector.getInstance(EventSignals.class).listen(relay::wake));
    }

    /** Stops listening and relaying, gives the lease up, then closes the connections to the broker. */
    @Override
    public void close() {
        commits.close();
        relay.close();
        publisher.close();
    }
}
