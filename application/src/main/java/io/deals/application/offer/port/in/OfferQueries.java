package io.deals.application.offer.port.in;

/** How the consumption of offers goes. */
public interface OfferQueries {

    OfferIngestionStatus status();
}
