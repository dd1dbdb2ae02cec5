package io.deals.application.shared;

/** An idempotency key came back with another request body than the first time. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String key) {
        super("idempotency key '" + key + "' was already used with another request body");
    }
}
