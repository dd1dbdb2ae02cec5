package io.deals.adapters.web.access;

/**
 * A token that is refused, and why, in words fit for a client: they never quote the token, and keep
 * to the characters an RFC 6750 {@code error_description} allows.
 */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a token is refused. */
    public enum Reason {
        HEADER("the Authorization header must be one 'Bearer <token>'"),
        MALFORMED("the token is not a well-formed JWT"),
        NOT_SIGNED("the token must be a signed JWT; unsecured (alg none) and encrypted tokens are refused"),
        ALGORITHM("the token is signed with an algorithm this server does not accept"),
        UNTRUSTED_HEADER("the token's header names a type or a key this server does not accept"),
        SIGNATURE("the token's signature does not verify"),
        EXPIRED("the token has expired"),
        CLAIMS("the token's claims are refused: it needs sub and exp, must be past its nbf, and must name the"
                + " issuer and audience this server expects, if it expects any"),
        SUBJECT("the token's sub must be a non-blank text without control characters"),
        SCOPE("the token's scope must be a space-separated list in one string");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super(reason.description());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
