package io.deals.bootstrap;

import java.time.Duration;
import java.util.Objects;

/**
 * How a server runs: its port (0 picks a free one), the key that signs page cursors (see
 * {@link CursorKeys}) and how long published events are kept.
 */
public record ServerOptions(int port, byte[] cursorKey, Duration eventRetention) {

    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7);

    public ServerOptions {
        cursorKey = cursorKey.clone();
        Objects.requireNonNull(eventRetention, "eventRetention");
    }

    public static ServerOptions of(int port, byte[] cursorKey) {
        return new ServerOptions(port, cursorKey, DEFAULT_EVENT_RETENTION);
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }
}
