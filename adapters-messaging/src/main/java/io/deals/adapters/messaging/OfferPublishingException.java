package io.deals.adapters.messaging;

/** Offers cannot be published: Kafka cannot be reached, refused the topic, or did not acknowledge an offer. */
public final class OfferPublishingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OfferPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
