package io.deals.adapters.web.shared;

import spark.Request;

import java.util.Optional;

/**
 * Who sent a request, as far as the server knows: the subject ({@code sub}) of the token it
 * verified. A request without a token has no caller; it is known only by its address.
 */
public record Caller(String subject) {

    private static final String ATTRIBUTE = "deals.caller";

    /** Remembers this as the request's verified caller. */
    public void attachTo(Request request) {
        request.attribute(ATTRIBUTE, this);
    }

    /** The request's verified caller; empty when it sent no token. */
    public static Optional<Caller> of(Request request) {
        return Optional.ofNullable(request.attribute(ATTRIBUTE));
    }
}
