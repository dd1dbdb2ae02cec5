package io.deals.bootstrap;

import io.deals.application.event.port.out.RelayMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** What the event relay does, in the server's log: changes of role and failures; each batch at debug level. */
final class RelayLog implements RelayMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLog.class);

    @Override
    public void leading(String relay, long position) {
        LOG.info("Relay {} leads: publishing the events after {}", relay, position);
    }

    @Override
    public void leaseLost(String relay, RuntimeException cause) {
        LOG.warn("Relay {} lost its lease and stands by: {}", relay, cause.getMessage());
    }

    @Override
    public void published(String relay, int events, long position) {
        LOG.debug("Relay {} published {} events, up to {}", relay, events, position);
    }

    @Override
    public void failed(String relay, RuntimeException cause, Duration retryIn) {
        LOG.warn("Relay {} failed, retrying in {} s: {}", relay, retryIn.toSeconds(), cause.getMessage());
    }
}
