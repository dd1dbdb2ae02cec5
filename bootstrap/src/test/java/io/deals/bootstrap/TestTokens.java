package io.deals.bootstrap;

import io.deals.adapters.web.access.Scope;
import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.adapters.web.access.TokenSettings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The test servers' tokens: one secret for the whole test JVM, and tokens made with it as the server makes them. */
public final class TestTokens {

    /** How every test server verifies tokens, unless a test wants otherwise. */
    public static final TokenSettings SETTINGS = TokenSettings.sharedSecret(ServerSecret.random());

    public static final String SUBJECT = "test-client";

    /** A token with every scope, which the test client sends unless told otherwise. */
    public static final String ALL_SCOPES = withScopes(EnumSet.allOf(Scope.class));

    private TestTokens() {
    }

    /** A token for {@link #SETTINGS} granting {@code scopes}, valid for the whole test run. */
    public static String withScopes(Set<Scope> scopes) {
        return new TokenMinter(SETTINGS).mint(new TokenGrant(SUBJECT, scopes, Duration.ofDays(1)));
    }

    /** The header that carries {@code token}: {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
