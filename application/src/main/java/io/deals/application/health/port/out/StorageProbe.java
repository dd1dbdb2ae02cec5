package io.deals.application.health.port.out;

/** Asks the database whether it answers, within a couple of seconds at most. */
public interface StorageProbe {

    boolean answers();
}
