package io.deals.bootstrap.cli;

import io.deals.adapters.web.access.TokenKeys;
import io.deals.adapters.web.access.TokenSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How tokens are verified: with an identity provider's public keys instead of the server's own
 * secret, and the issuer and audience they must name. The secret itself comes from
 * {@code DEALS_JWT_SECRET} or the data directory, never from the command line, where every user of
 * the machine could read it.
 */
final class TokenOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--jwt-public-keys", defaultValue = "${env:DEALS_JWT_PUBLIC_KEYS}", paramLabel = "FILE",
            description = "verify tokens with an identity provider's public keys instead of the server's secret:"
                    + " a PEM or JWKS file of RS256 or ES256 keys (env DEALS_JWT_PUBLIC_KEYS)")
    private Path publicKeys;

    @Option(names = "--jwt-issuer", defaultValue = "${env:DEALS_JWT_ISSUER}", paramLabel = "ISSUER",
            description = "tokens must name this issuer (iss) (env DEALS_JWT_ISSUER; default: not checked)")
    private String issuer;

    @Option(names = "--jwt-audience", defaultValue = "${env:DEALS_JWT_AUDIENCE}", paramLabel = "AUDIENCE",
            description = "tokens must name this audience (aud) (env DEALS_JWT_AUDIENCE; default: not checked)")
    private String audience;

    /** Whether tokens are verified with public keys, which only their identity provider can sign for. */
    boolean verifiesWithPublicKeys() {
        return publicKeys != null;
    }

    /** The identity provider's keys, read from their file; empty when the server's own secret verifies tokens. */
    Optional<TokenKeys.PublicKeys> publicKeys() {
        if (publicKeys == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenKeys.PublicKeys.readFrom(publicKeys));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--jwt-public-keys': "
                    + e.getMessage());
        }
    }

    /** Tokens verified with {@code keys}, naming the issuer and audience these options expect. */
    TokenSettings settings(TokenKeys keys) {
        return new TokenSettings(keys, Optional.ofNullable(issuer), Optional.ofNullable(audience), false);
    }
}
