package io.deals.adapters.web.shared;

import spark.Request;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The route a request was matched to before it is handled: its template ({@code /deals/:id}, the
 * label a log line or a metric uses instead of the raw path) and what it asks of its caller.
 */
public record MatchedRoute(String method, String template, RouteAccess access, String openApiPath) {

    private static final String ATTRIBUTE = "deals.route";
    private static final Pattern PATH_PARAMETER = Pattern.compile(":(\\w+)");

    /**
     * A route whose {@code openApiPath} is its template as OpenAPI writes it, {@code /deals/{id}}: how
     * metrics and the access log name it. Made once, where the route is registered, not per request.
     */
    public MatchedRoute(String method, String template, RouteAccess access) {
        this(method, template, access, PATH_PARAMETER.matcher(template).replaceAll("{$1}"));
    }

    /** Remembers this as the request's route, for whatever handles or reports the request later. */
    public void attachTo(Request request) {
        request.attribute(ATTRIBUTE, this);
    }

    /** The request's route; empty when no route matches its method and path. */
    public static Optional<MatchedRoute> of(Request request) {
        return Optional.ofNullable(request.attribute(ATTRIBUTE));
    }
}
