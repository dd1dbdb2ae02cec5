package io.deals.bootstrap;

import io.deals.application.event.port.in.RelayQueries;
import io.deals.application.event.port.out.RelayMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/**
 * The relay's figures, beside its log: {@code deals_events_published_total}, the events this
 * process published, and {@code deals_events_unpublished}, the events recorded and not yet
 * published (the lag). Only a server that relays to Kafka has them: without a relay no event is
 * ever published, and a lag of 0 would say the opposite.
 */
final class RelayMetrics implements RelayMonitor {

    private final RelayMonitor log;
    private final Counter published;

    RelayMetrics(RelayMonitor log, MeterRegistry registry) {
        this.log = log;
        this.published = Counter.builder("deals.events.published")
                .description("events this process published to Kafka")
                .register(registry);
    }

    /** Shows the lag of {@code relay} as this process sees it, asked at each scrape. */
    static void watchLag(RelayQueries relay, MeterRegistry registry) {
        Gauge.builder("deals.events.unpublished", relay, watched -> watched.status().unpublished())
                .description("events recorded and not yet published to Kafka")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void leading(String relay, long position) {
        log.leading(relay, position);
    }

    @Override
    public void leaseLost(String relay, RuntimeException cause) {
        log.leaseLost(relay, cause);
    }

    @Override
    public void published(String relay, int events, long position) {
        published.increment(events);
        log.published(relay, events, position);
    }

    @Override
    public void failed(String relay, RuntimeException cause, Duration retryIn) {
        log.failed(relay, cause, retryIn);
    }
}
