package io.deals.application.event;

/** The broker did not acknowledge every event of a batch in time; the batch is to be published again. */
public final class EventPublishingException extends RuntimeException {

    public EventPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
