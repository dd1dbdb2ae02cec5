package io.deals.application.event.port.in;

/** The state of this process's event relay, for health checks and metrics. */
public interface RelayQueries {

    RelayStatus status();
}
