package io.deals.adapters.web.access;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenMinterTest {

    private static final TokenSettings SETTINGS = TokenSettings.sharedSecret(new SecureRandom().generateSeed(32));

    @Test
    void makes_an_hs256_jwt_with_subject_scopes_issue_and_expiry() throws Exception {
        Instant issued = Instant.parse("2027-01-01T10:00:00Z");

        SignedJWT token = SignedJWT.parse(new TokenMinter(SETTINGS).mint(TokenGrant.FIRST_START, issued));

        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(token.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(claims.getSubject()).isEqualTo("deals-operator");
        assertThat(claims.getStringClaim("scope")).isEqualTo("deals:write deals:import");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(issued);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.plus(30, ChronoUnit.DAYS));
        assertThat(claims.getIssuer()).isNull();
        assertThat(claims.getAudience()).isEmpty();
    }

    @Test
    void names_the_issuer_and_audience_the_server_expects_so_that_its_tokens_verify() {
        TokenSettings strict = SETTINGS.withIssuer("https://deals.example").withAudience("deals-api");

        String token = new TokenMinter(strict).mint(new TokenGrant("ci", EnumSet.of(Scope.READ), Duration.ofMinutes(5)));

        VerifiedToken verified = new TokenVerifier(strict).verify(token);
        assertThat(verified.subject()).isEqualTo("ci");
        assertThat(verified.scopes()).containsExactly("deals:read");
    }

    @Test
    void a_token_past_its_lifetime_no_longer_verifies() {
        String token = new TokenMinter(SETTINGS).mint(TokenGrant.FIRST_START, Instant.now().minus(31, ChronoUnit.DAYS));

        assertThatThrownBy(() -> new TokenVerifier(SETTINGS).verify(token)).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED);
    }

    @Test
    void cannot_make_tokens_for_public_keys() throws Exception {
        TokenSettings publicKeys = new TokenSettings(new TokenKeys.PublicKeys(new JWKSet(
                new ECKeyGenerator(Curve.P_256).generate().toPublicJWK())), Optional.empty(), Optional.empty(), false);

        assertThatThrownBy(() -> new TokenMinter(publicKeys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identity provider");
    }

    @Test
    void a_grant_needs_a_usable_subject_a_scope_and_a_positive_lifetime() {
        assertThatThrownBy(() -> new TokenGrant(" ", TokenGrant.WRITE_SCOPES, Duration.ofDays(1)))
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> new TokenGrant("ops", EnumSet.noneOf(Scope.class), Duration.ofDays(1)))
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> new TokenGrant("ops", TokenGrant.WRITE_SCOPES, Duration.ZERO))
                .hasMessageContaining("lifetime");
    }
}
