package io.deals.bootstrap;

import io.deals.application.offer.port.in.OfferQueries;
import io.deals.application.offer.port.out.OfferMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The offer consumer in figures and in the log: {@code deals_offers_total{outcome}}, the offers this
 * process consumed by what became of them, and {@code deals_offers_lag}, the offers waiting in the
 * topic. Failures and take-overs are logged; each batch at debug level.
 */
final class OfferMetrics implements OfferMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(OfferMetrics.class);

    private final Counter applied;
    private final Counter unchanged;
    private final Counter deadLettered;

    OfferMetrics(MeterRegistry registry) {
        applied = offers(registry, "applied");
        unchanged = offers(registry, "unchanged");
        deadLettered = offers(registry, "dead_lettered");
    }

    /** Shows the lag of {@code offers} as this process sees it, asked at each scrape. */
    static void watchLag(OfferQueries offers, MeterRegistry registry) {
        Gauge.builder("deals.offers.lag", offers, watched -> watched.status().lag())
                .description("offers in topic deals.offers after this consumer's positions")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void applied(long appliedOffers, long unchangedOffers, long deadLetteredOffers) {
        applied.increment(appliedOffers);
        unchanged.increment(unchangedOffers);
        deadLettered.increment(deadLetteredOffers);
        LOG.debug("Offers: {} applied, {} unchanged, {} dead-lettered", appliedOffers, unchangedOffers,
                deadLetteredOffers);
    }

    @Override
    public void failed(RuntimeException cause, Duration retryIn) {
        LOG.warn("Offers: a batch failed and is read again in {} s: {}", retryIn.toSeconds(), cause.getMessage());
    }

    @Override
    public void stopped(Throwable cause) {
        LOG.error("Offers: the consumer stopped and consumes no more offers until the server restarts", cause);
    }

    @Override
    public void overtaken(RuntimeException cause) {
        LOG.info("Offers: a batch was left to the consumer that took its partition over: {}", cause.getMessage());
    }

    /** Registered up front, so that each outcome shows 0 before the first offer rather than nothing. */
    private static Counter offers(MeterRegistry registry, String outcome) {
        return Counter.builder("deals.offers")
                .description("offers consumed from topic deals.offers, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
