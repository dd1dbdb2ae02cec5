package io.deals.adapters.web.access;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What a token made by this server says: who holds it, what it may do, and for how long. */
public record TokenGrant(String subject, Set<Scope> scopes, Duration lifetime) {

    public static final String DEFAULT_SUBJECT = "deals-operator";
    public static final Set<Scope> WRITE_SCOPES = Set.copyOf(EnumSet.of(Scope.WRITE, Scope.IMPORT));
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

    /** The token a server prints when it made its own key: writes and imports for 30 days. */
    public static final TokenGrant FIRST_START = new TokenGrant(DEFAULT_SUBJECT, WRITE_SCOPES, DEFAULT_LIFETIME);

    public TokenGrant {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token's subject must be a non-blank text without control characters");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        scopes = Set.copyOf(scopes);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive");
        }
    }
}
