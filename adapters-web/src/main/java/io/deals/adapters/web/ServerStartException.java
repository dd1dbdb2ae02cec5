package io.deals.adapters.web;

/** The HTTP server could not start, typically because its port is taken. */
public final class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
