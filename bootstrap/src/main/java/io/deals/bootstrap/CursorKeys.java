package io.deals.bootstrap;

import java.nio.file.Path;

/**
 * The key that signs page cursors: {@code DEALS_CURSOR_KEY} (Base64, at least 32 bytes) when set,
 * else one kept in the data directory, made on first start, so cursors survive a restart.
 */
public final class CursorKeys {

    private CursorKeys() {
    }

    public static byte[] random() {
        return ServerSecret.random();
    }

    /** {@code configured} (Base64) when set, else the key kept in {@code dataDirectory}, made on first use. */
    public static byte[] configuredOrKeptIn(String configured, Path dataDirectory) {
        return ServerSecret.CURSOR_KEY.configuredOrKeptIn(configured, dataDirectory).bytes();
    }
}
