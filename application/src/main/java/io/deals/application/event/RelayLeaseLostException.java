package io.deals.application.event;

/** A relay's lease was lost (its database connection broke): it must stop publishing at once. */
public final class RelayLeaseLostException extends RuntimeException {

    public RelayLeaseLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
