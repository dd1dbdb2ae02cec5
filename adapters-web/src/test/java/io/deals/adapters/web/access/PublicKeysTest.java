package io.deals.adapters.web.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.deals.adapters.web.access.InvalidTokenException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.deals.adapters.web.access.TokenVerifierTest.assertRefusedBy;
import static io.deals.adapters.web.access.TokenVerifierTest.claims;
import static io.deals.adapters.web.access.TokenVerifierTest.hs256;
import static io.deals.adapters.web.access.TokenVerifierTest.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An identity provider's RS256 and ES256 tokens, verified with its public keys from a PEM or a JWKS file. */
class PublicKeysTest {

    private static RSAKey rsa;
    private static ECKey ec;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    @Test
    void verifies_rs256_and_es256_tokens_with_keys_from_a_jwks_file() throws Exception {
        TokenVerifier verifier = verifier(file("keys.json", new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
                .toString()));

        assertThat(verifier.verify(rs256(rsa, "rsa-1")).subject()).isEqualTo("alice");
        assertThat(verifier.verify(es256(ec, "ec-1")).subject()).isEqualTo("alice");
    }

    @Test
    void verifies_rs256_and_es256_tokens_with_keys_from_a_pem_file_whatever_key_id_they_name() throws Exception {
        TokenVerifier verifier = verifier(file("keys.pem", pem(rsa.toPublicKey()) + pem(ec.toPublicKey())));

        assertThat(verifier.verify(rs256(rsa, "rsa-1")).subject()).isEqualTo("alice");
        assertThat(verifier.verify(rs256(rsa, null)).subject()).isEqualTo("alice");
        assertThat(verifier.verify(es256(ec, "any")).subject()).isEqualTo("alice");
    }

    @Test
    void a_jwks_key_with_an_id_verifies_only_the_tokens_that_name_it() throws Exception {
        TokenVerifier verifier = verifier(file("keys.json", new JWKSet(rsa.toPublicJWK()).toString()));

        assertRefusedBy(verifier, rs256(rsa, "rsa-2"), Reason.UNTRUSTED_HEADER);
    }

    @Test
    void refuses_tokens_signed_by_another_key_and_tokens_of_other_algorithms() throws Exception {
        TokenVerifier verifier = verifier(file("keys.pem", pem(rsa.toPublicKey())));
        RSAKey stranger = new RSAKeyGenerator(2048).generate();

        assertRefusedBy(verifier, rs256(stranger, null), Reason.SIGNATURE);
        assertRefusedBy(verifier, hs256(claims().build(), Files.readAllBytes(directory.resolve("keys.pem"))),
                Reason.ALGORITHM);
        assertRefusedBy(verifier, signed(new JWSHeader(JWSAlgorithm.RS512), claims().build(), new RSASSASigner(rsa)),
                Reason.ALGORITHM);
    }

    @Test
    void keeps_only_the_public_half_of_keys_given_with_their_private_parts() throws Exception {
        TokenKeys.PublicKeys keys = TokenKeys.PublicKeys.readFrom(file("keys.json", new JWKSet(rsa).toString(false)));

        assertThat(keys.keys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void refuses_files_without_usable_keys_naming_the_problem() throws Exception {
        assertUnusable(file("empty.json", "{\"keys\":[]}"), "no public key");
        assertUnusable(file("weak.json", new JWKSet(new RSAKeyGenerator(1024, true).generate().toPublicJWK()).toString()),
                "at least 2048 bits");
        assertUnusable(file("p384.json", new JWKSet(new ECKeyGenerator(Curve.P_384).generate().toPublicJWK()).toString()),
                "P-256");
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();
        assertUnusable(file("secret.json", new JWKSet(List.<JWK>of(secret)).toString(false)), "only RSA and EC");
        assertUnusable(file("private.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                "only PUBLIC KEY blocks");
        assertUnusable(file("nothing.pem", "hello"), "no PEM block");
        assertUnusable(file("broken.json", "{\"keys\":"), "JWKS or PEM");
        assertThatThrownBy(() -> TokenKeys.PublicKeys.readFrom(directory.resolve("missing.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
    }

    private void assertUnusable(Path file, String why) {
        assertThatThrownBy(() -> TokenKeys.PublicKeys.readFrom(file)).as(file.getFileName().toString())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString()).hasMessageContaining(why);
    }

    private static TokenVerifier verifier(Path file) {
        return new TokenVerifier(new TokenSettings(TokenKeys.PublicKeys.readFrom(file), Optional.empty(),
                Optional.empty(), false));
    }

    private static String rs256(RSAKey key, String keyId) throws Exception {
        return signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims().build(),
                new RSASSASigner(key));
    }

    private static String es256(ECKey key, String keyId) throws Exception {
        return signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims().build(),
                new ECDSASigner(key));
    }

    private static String pem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
