package io.deals.bootstrap;

import io.deals.application.event.service.EventStreamService;

import java.time.Duration;
import java.util.Objects;

/**
 * How a server runs: its port (0 picks a free one), the key that signs page cursors (see
 * {@link CursorKeys}), how long published events are kept and how often an event stream gets a
 * heartbeat (a keep-alive comment, 15 s unless a test wants it sooner).
 */
public record ServerOptions(int port, byte[] cursorKey, Duration eventRetention, Duration heartbeat) {

    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7);

    public ServerOptions {
        cursorKey = cursorKey.clone();
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    public ServerOptions(int port, byte[] cursorKey, Duration eventRetention) {
        this(port, cursorKey, eventRetention, EventStreamService.DEFAULT_HEARTBEAT);
    }

    public static ServerOptions of(int port, byte[] cursorKey) {
        return new ServerOptions(port, cursorKey, DEFAULT_EVENT_RETENTION);
    }

    public ServerOptions withHeartbeat(Duration interval) {
        return new ServerOptions(port, cursorKey, eventRetention, interval);
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }
}
