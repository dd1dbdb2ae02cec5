package io.deals.adapters.web.access;

import java.util.Set;

/** What a verified token says: who holds it ({@code sub}) and the scopes it grants, known ones or not. */
public record VerifiedToken(String subject, Set<String> scopes) {

    public VerifiedToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean grants(Scope scope) {
        return scopes.contains(scope.value());
    }
}
