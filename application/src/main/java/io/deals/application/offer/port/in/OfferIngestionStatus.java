package io.deals.application.offer.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the offer consumer stands, as its process sees it.
 *
 * @param lag       records in the topic after the consumer's positions, as of its last poll
 * @param lastError what went wrong last, if the consumer has not succeeded since (it retries by itself)
 */
public record OfferIngestionStatus(long lag, Optional<String> lastError) {

    public OfferIngestionStatus {
        Objects.requireNonNull(lastError, "lastError");
    }

    public boolean retrying() {
        return lastError.isPresent();
    }
}
