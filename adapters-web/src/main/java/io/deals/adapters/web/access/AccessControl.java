package io.deals.adapters.web.access;

import io.deals.adapters.web.shared.Caller;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.adapters.web.shared.RouteAccess;
import spark.Request;
import spark.Response;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, before a route runs, whether its caller may call it, from what the route asks
 * ({@link RouteAccess}): public routes are never checked; elsewhere a token that is sent is
 * verified (its subject becomes the request's {@link Caller}), and a route that needs a scope
 * refuses a caller without it. Refusals follow RFC 6750: 401 with a {@code WWW-Authenticate}
 * challenge, 403 naming the scope. Unrouted requests (404, 405) are not checked.
 */
public final class AccessControl {

    static final String CHALLENGE = "WWW-Authenticate";
    private static final String REALM = "Bearer realm=\"deals\"";
    /** RFC 6750's b64token after the scheme, which is case-insensitive. */
    private static final Pattern BEARER = Pattern.compile("Bearer +([A-Za-z0-9._~+/-]+=*)", Pattern.CASE_INSENSITIVE);

    private final TokenVerifier verifier;
    private final boolean privateReads;

    public AccessControl(TokenSettings settings) {
        this.verifier = new TokenVerifier(settings);
        this.privateReads = settings.privateReads();
    }

    /**
     * Lets the request through, its caller attached, or throws the 401 or 403 that refuses it.
     */
    public void check(Request request, Response response) {
        Optional<RouteAccess> access = MatchedRoute.of(request).map(MatchedRoute::access);
        if (access.isEmpty() || access.get() == RouteAccess.PUBLIC) {
            return;
        }
        Optional<VerifiedToken> token = bearerToken(request).map(this::verified);
        token.ifPresent(verified -> {
            new Caller(verified.subject()).attachTo(request);
            // An answer meant for one caller is kept by no cache.
            response.header("Cache-Control", "no-store");
        });
        Optional<Scope> needed = scopeFor(access.get());
        if (needed.isEmpty()) {
            return;
        }
        if (token.isEmpty()) {
            throw refusal(401, "UNAUTHORIZED", "this request needs a bearer token with the scope "
                    + needed.get().value() + " (Authorization: Bearer <token>)", REALM);
        }
        if (!token.get().grants(needed.get())) {
            throw refusal(403, "FORBIDDEN", "the token does not grant the scope " + needed.get().value()
                    + ", which this request needs", REALM + ", error=\"insufficient_scope\", scope=\""
                    + needed.get().value() + "\"");
        }
    }

    private Optional<Scope> scopeFor(RouteAccess access) {
        return switch (access) {
            case PUBLIC -> Optional.empty();
            case READ -> privateReads ? Optional.of(Scope.READ) : Optional.empty();
            case WRITE -> Optional.of(Scope.WRITE);
            case IMPORT -> Optional.of(Scope.IMPORT);
        };
    }

    private VerifiedToken verified(String token) {
        try {
            return verifier.verify(token);
        } catch (InvalidTokenException e) {
            throw invalid(e.reason());
        }
    }

    /** The token of the request's one {@code Authorization} header; empty when it has none. */
    private static Optional<String> bearerToken(Request request) {
        List<String> headers = Collections.list(request.raw().getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        Matcher bearer = BEARER.matcher(headers.get(0).strip());
        if (headers.size() > 1 || !bearer.matches()) {
            throw invalid(InvalidTokenException.Reason.HEADER);
        }
        return Optional.of(bearer.group(1));
    }

    private static HttpProblem invalid(InvalidTokenException.Reason reason) {
        return refusal(401, "UNAUTHORIZED", reason.description(), REALM + ", error=\"invalid_token\", "
                + "error_description=\"" + reason.description() + "\"");
    }

    private static HttpProblem refusal(int status, String code, String message, String challenge) {
        return new HttpProblem(status, code, message, null, Map.of(CHALLENGE, challenge));
    }
}
