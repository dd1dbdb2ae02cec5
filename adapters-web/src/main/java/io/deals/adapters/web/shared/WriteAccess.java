package io.deals.adapters.web.shared;

import spark.Request;

/**
 * The one place that decides whether a request may write (POST, PATCH, DELETE). It throws an
 * {@link HttpProblem} (401/403) to refuse. Token checks plug in here.
 */
public interface WriteAccess {

    void check(Request request);

    /** Writes are open to every caller: the documented default until tokens are configured. */
    WriteAccess OPEN = request -> { };
}
