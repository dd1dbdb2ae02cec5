package io.deals.adapters.web.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

import java.text.ParseException;
import java.time.Duration;
import java.util.Set;

import static io.deals.adapters.web.access.InvalidTokenException.Reason;

/**
 * Verifies bearer tokens with nimbus' processor: a JWS signed with one of the expected algorithms
 * and a trusted key, with {@code sub} and {@code exp}, within its {@code nbf}-{@code exp} window
 * give or take a minute of clock skew, naming the configured issuer and audience.
 */
public final class TokenVerifier {

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<String> REQUIRED = Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME);
    /** Plain JWTs, and the access tokens of RFC 9068 that identity providers issue. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

    private final Set<JWSAlgorithm> algorithms;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(TokenSettings settings) {
        TokenKeys keys = settings.keys();
        algorithms = keys.algorithms();
        processor.setJWSTypeVerifier(TYPES);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithms(), keys.source()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience().map(Set::of).orElse(null),
                settings.issuer().map(issuer -> new JWTClaimsSet.Builder().issuer(issuer).build()).orElse(null),
                REQUIRED, null);
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The token's subject and scopes.
     *
     * @throws InvalidTokenException when the token is refused, for any reason
     */
    public VerifiedToken verify(String token) {
        SignedJWT signed = signed(token);
        if (!algorithms.contains(signed.getHeader().getAlgorithm())) {
            throw new InvalidTokenException(Reason.ALGORITHM);
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (ExpiredJWTException e) {
            throw new InvalidTokenException(Reason.EXPIRED);
        } catch (BadJWTException e) {
            throw new InvalidTokenException(Reason.CLAIMS);
        } catch (BadJWSException e) {
            throw new InvalidTokenException(Reason.SIGNATURE);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(Reason.UNTRUSTED_HEADER);
        }
        // nimbus counts a claim that is JSON null as present: such an exp would never expire.
        if (claims.getExpirationTime() == null || claims.getSubject() == null) {
            throw new InvalidTokenException(Reason.CLAIMS);
        }
        return new VerifiedToken(subject(claims), scopes(claims));
    }

    private static SignedJWT signed(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            if (!(jwt instanceof SignedJWT signed)) {
                throw new InvalidTokenException(Reason.NOT_SIGNED);
            }
            // Read now, so that a payload that is not a claims set is malformed, not a claims problem.
            signed.getJWTClaimsSet();
            return signed;
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static String subject(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        // The subject is written to log lines: a control character could forge one.
        if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTokenException(Reason.SUBJECT);
        }
        return subject;
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        try {
            String list = claims.getStringClaim(Scope.CLAIM);
            return list == null ? Set.of() : Scope.namesIn(list);
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.SCOPE);
        }
    }
}
