package io.deals.adapters.web.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;

/**
 * Makes the tokens this server verifies: HS256 with its own secret, naming its issuer and audience
 * when it expects them. The one definition of a token's claims, for the first start's token,
 * {@code deals token} and the tests.
 */
public final class TokenMinter {

    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private final MACSigner signer;
    private final TokenSettings settings;

    /**
     * @throws IllegalArgumentException when the settings verify with public keys: only their
     *                                  identity provider can make tokens for them
     */
    public TokenMinter(TokenSettings settings) {
        if (!(settings.keys() instanceof TokenKeys.SharedSecret secret)) {
            throw new IllegalArgumentException("tokens are verified with an identity provider's public keys:"
                    + " only that provider can issue them");
        }
        try {
            this.signer = new MACSigner(secret.secret());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the secret cannot sign HS256 tokens", e);
        }
        this.settings = settings;
    }

    /** A token for {@code grant}, valid from now. */
    public String mint(TokenGrant grant) {
        return mint(grant, Instant.now());
    }

    /** A token for {@code grant}, issued at {@code issuedAt} and expiring its lifetime later. */
    public String mint(TokenGrant grant, Instant issuedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(grant.subject())
                .claim(Scope.CLAIM, Scope.listOf(grant.scopes()))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(grant.lifetime())));
        settings.issuer().ifPresent(claims::issuer);
        settings.audience().ifPresent(claims::audience);
        SignedJWT token = new SignedJWT(HEADER, claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token with HS256", e);
        }
        return token.serialize();
    }
}
