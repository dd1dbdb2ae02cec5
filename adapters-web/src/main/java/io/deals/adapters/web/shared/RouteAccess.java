package io.deals.adapters.web.shared;

/**
 * What a route asks of its caller, declared once where the route is registered: the scope a
 * token needs for it and the rate-limit class it counts against.
 */
public enum RouteAccess {
    /** Open to everyone and never limited: health, the API's description, metrics, pages. */
    PUBLIC,
    /** A read of the API ({@code deals:read} when reads are private; the {@code read} class). */
    READ,
    /** A change to hotels or deals ({@code deals:write}; the {@code write} class). */
    WRITE,
    /** A file import ({@code deals:import}; counted as a write). */
    IMPORT
}
