package io.deals.adapters.web.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.deals.adapters.web.access.InvalidTokenException.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HS256 tokens with the server's own secret: what is let through, and why everything else is not. */
class TokenVerifierTest {

    private static final byte[] SECRET = random(32);
    private static final TokenSettings SETTINGS = TokenSettings.sharedSecret(SECRET);
    private static final TokenVerifier VERIFIER = new TokenVerifier(SETTINGS);

    @Test
    void accepts_a_token_the_server_made_and_reads_its_subject_and_scopes() {
        String token = new TokenMinter(SETTINGS).mint(new TokenGrant("ops", EnumSet.of(Scope.WRITE, Scope.IMPORT),
                Duration.ofHours(1)));

        VerifiedToken verified = VERIFIER.verify(token);

        assertThat(verified.subject()).isEqualTo("ops");
        assertThat(verified.scopes()).containsExactlyInAnyOrder("deals:write", "deals:import");
        assertThat(verified.grants(Scope.WRITE)).isTrue();
        assertThat(verified.grants(Scope.READ)).isFalse();
    }

    @Test
    void reads_scopes_it_does_not_know_and_tolerates_a_token_without_any() {
        assertThat(VERIFIER.verify(hs256(claims().claim("scope", "deals:write  openid profile").build(), SECRET))
                .scopes()).containsExactlyInAnyOrder("deals:write", "openid", "profile");
        assertThat(VERIFIER.verify(hs256(claims().build(), SECRET)).scopes()).isEmpty();
    }

    @Test
    void refuses_an_unsigned_token_with_alg_none() {
        String none = new PlainJWT(claims().build()).serialize();

        assertRefused(none, Reason.NOT_SIGNED);
    }

    @Test
    void refuses_a_token_signed_with_another_algorithm_even_with_the_right_secret() throws JOSEException {
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims().build());
        hs512.sign(new MACSigner(random(64)));
        SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
        rs256.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

        assertRefused(hs512.serialize(), Reason.ALGORITHM);
        assertRefused(rs256.serialize(), Reason.ALGORITHM);
    }

    @Test
    void refuses_a_token_signed_with_another_secret() {
        assertRefused(hs256(claims().build(), random(32)), Reason.SIGNATURE);
    }

    @Test
    void refuses_a_token_whose_claims_were_changed_after_signing() {
        String[] parts = hs256(claims().claim("scope", "deals:read").build(), SECRET).split("\\.");
        String widened = claims().claim("scope", "deals:write").build().toPayload().toBase64URL().toString();

        assertRefused(parts[0] + "." + widened + "." + parts[2], Reason.SIGNATURE);
    }

    @Test
    void refuses_an_expired_token_beyond_the_minute_of_clock_skew_and_accepts_one_within_it() {
        Instant now = Instant.now();

        assertRefused(hs256(claims().expirationTime(Date.from(now.minusSeconds(90))).build(), SECRET), Reason.EXPIRED);
        assertThat(VERIFIER.verify(hs256(claims().expirationTime(Date.from(now.minusSeconds(30))).build(), SECRET))
                .subject()).isEqualTo("alice");
    }

    @Test
    void refuses_a_token_not_valid_yet_beyond_the_minute_of_clock_skew_and_accepts_one_within_it() {
        Instant now = Instant.now();

        assertRefused(hs256(claims().notBeforeTime(Date.from(now.plusSeconds(90))).build(), SECRET), Reason.CLAIMS);
        assertThat(VERIFIER.verify(hs256(claims().notBeforeTime(Date.from(now.plusSeconds(30))).build(), SECRET))
                .subject()).isEqualTo("alice");
    }

    @Test
    void refuses_a_token_without_a_subject_or_an_expiry() {
        assertRefused(hs256(claims().subject(null).build(), SECRET), Reason.CLAIMS);
        assertRefused(hs256(claims().expirationTime(null).build(), SECRET), Reason.CLAIMS);
    }

    @Test
    void refuses_a_subject_or_an_expiry_that_is_json_null() throws JOSEException {
        long later = Instant.now().plusSeconds(600).getEpochSecond();

        assertRefused(rawHs256("{\"sub\":\"alice\",\"exp\":null,\"scope\":\"deals:write\"}"), Reason.CLAIMS);
        assertRefused(rawHs256("{\"sub\":null,\"exp\":" + later + "}"), Reason.CLAIMS);
    }

    /** {@code payload} signed as it is: a claims builder would leave a null claim out. */
    private static String rawHs256(String payload) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
        jws.sign(new MACSigner(SECRET));
        return jws.serialize();
    }

    @Test
    void refuses_a_subject_that_is_blank_or_could_forge_a_log_line() {
        assertRefused(hs256(claims().subject(" ").build(), SECRET), Reason.SUBJECT);
        assertRefused(hs256(claims().subject("alice\n12:00:00.000 INFO forged").build(), SECRET), Reason.SUBJECT);
    }

    @Test
    void refuses_scopes_that_are_not_one_space_separated_string() {
        assertRefused(hs256(claims().claim("scope", List.of("deals:write")).build(), SECRET), Reason.SCOPE);
    }

    @Test
    void checks_issuer_and_audience_only_when_configured() {
        TokenVerifier strict = new TokenVerifier(SETTINGS.withIssuer("https://id.example").withAudience("deals-api"));
        String named = hs256(claims().issuer("https://id.example").audience(List.of("other", "deals-api")).build(),
                SECRET);

        assertThat(strict.verify(named).subject()).isEqualTo("alice");
        assertThat(VERIFIER.verify(hs256(claims().issuer("anyone").audience("anything").build(), SECRET)).subject())
                .isEqualTo("alice");
        assertRefusedBy(strict, hs256(claims().audience("deals-api").build(), SECRET), Reason.CLAIMS);
        assertRefusedBy(strict, hs256(claims().issuer("https://evil.example").audience("deals-api").build(), SECRET),
                Reason.CLAIMS);
        assertRefusedBy(strict, hs256(claims().issuer("https://id.example").build(), SECRET), Reason.CLAIMS);
        assertRefusedBy(strict, hs256(claims().issuer("https://id.example").audience("other").build(), SECRET),
                Reason.CLAIMS);
    }

    @Test
    void accepts_the_access_token_type_of_identity_providers_and_refuses_other_types() {
        assertThat(VERIFIER.verify(hs256(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("at+jwt")).build(), claims().build(), SECRET)).subject()).isEqualTo("alice");
        assertRefused(hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("secevent+jwt")).build(),
                claims().build(), SECRET), Reason.UNTRUSTED_HEADER);
    }

    @Test
    void refuses_what_is_not_a_jwt() {
        for (String garbage : List.of("", "abc", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln")) {
            assertThat(catchThrowableOfType(InvalidTokenException.class, () -> VERIFIER.verify(garbage)).reason())
                    .as(garbage).isIn(Reason.MALFORMED, Reason.NOT_SIGNED);
        }
    }

    @Property(tries = 500)
    void refuses_any_string_with_a_reason_and_nothing_else(@ForAll String garbage) {
        assertThatThrownBy(() -> VERIFIER.verify(garbage)).isInstanceOf(InvalidTokenException.class);
    }

    @Property(tries = 300)
    void refuses_any_three_base64url_parts_with_a_reason_and_nothing_else(@ForAll byte[] header, @ForAll byte[] payload,
                                                                          @ForAll byte[] signature) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString(header) + "." + base64.encodeToString(payload) + "."
                + base64.encodeToString(signature);

        assertThatThrownBy(() -> VERIFIER.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void describes_every_refusal_with_characters_an_rfc_6750_error_description_allows() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.description()).as(reason.name()).matches("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        }
    }

    @Test
    void a_public_key_set_refuses_tokens_signed_with_the_public_key_as_an_hmac_secret() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        TokenVerifier verifier = new TokenVerifier(new TokenSettings(new TokenKeys.PublicKeys(
                new JWKSet(rsa.toPublicJWK())), Optional.empty(), Optional.empty(), false));
        byte[] publicKeyAsSecret = rsa.toPublicJWK().toJSONString().getBytes();

        assertRefusedBy(verifier, hs256(claims().build(), publicKeyAsSecret), Reason.ALGORITHM);
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    static String hs256(JWTClaimsSet claims, byte[] secret) {
        return hs256(new JWSHeader(JWSAlgorithm.HS256), claims, secret);
    }

    static String hs256(JWSHeader header, JWTClaimsSet claims, byte[] secret) {
        try {
            return signed(header, claims, new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static void assertRefusedBy(TokenVerifier verifier, String token, Reason reason) {
        InvalidTokenException refused = catchThrowableOfType(InvalidTokenException.class, () -> verifier.verify(token));
        assertThat(refused).as("refusal of %s", token).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }

    private static void assertRefused(String token, Reason reason) {
        assertRefusedBy(VERIFIER, token, reason);
    }

    private static byte[] random(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
