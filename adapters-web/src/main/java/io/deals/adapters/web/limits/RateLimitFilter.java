package io.deals.adapters.web.limits;

import io.deals.adapters.web.shared.Caller;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.MatchedRoute;
import spark.Request;
import spark.Response;

import java.util.Map;

/**
 * Counts each request of a limited route against its client's bucket, says where the client
 * stands in the {@code RateLimit-Policy} and {@code RateLimit} headers of the answer (whatever it
 * turns out to be), and refuses a request over the limit with 429 and {@code Retry-After}.
 */
public final class RateLimitFilter {

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimits limits) {
        this.limiter = new RateLimiter(limits);
    }

    /** Runs after access control, so that a verified token's subject is known. */
    public void apply(Request request, Response response) {
        MatchedRoute.of(request)
                .flatMap(route -> LimitClass.of(route.access()))
                .flatMap(limitClass -> limiter.take(limitClass, client(request)))
                .ifPresent(verdict -> {
                    response.header("RateLimit-Policy", verdict.policyHeader());
                    response.header("RateLimit", verdict.stateHeader());
                    if (!verdict.allowed()) {
                        throw new HttpProblem(429, "RATE_LIMITED", "over the limit of " + verdict.quota() + " "
                                + verdict.limitClass().policyName() + " requests a minute; retry in "
                                + verdict.retryAfterSeconds() + " s", null,
                                Map.of("Retry-After", Long.toString(verdict.retryAfterSeconds())));
                    }
                });
    }

    /**
     * The token's subject, else the address the connection comes from (forward headers are not
     * trusted). Prefixed, so that a subject never shares a bucket with an address spelt the same.
     */
    private static String client(Request request) {
        return Caller.of(request).map(caller -> "subject " + caller.subject())
                .orElseGet(() -> "address " + request.ip());
    }
}
