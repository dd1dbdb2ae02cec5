package io.deals.adapters.web.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * What tokens are verified with: the server's own secret (HS256), or an identity provider's public
 * keys (RS256, ES256), which verify tokens but cannot make them.
 */
public sealed interface TokenKeys {

    /** The algorithms a token may be signed with; any other is refused, {@code none} first of all. */
    Set<JWSAlgorithm> algorithms();

    /** Where verification finds the key for a token's header. */
    JWKSource<SecurityContext> source();

    /** The server's own secret, at least 256 bits as HS256 requires. */
    record SharedSecret(byte[] secret) implements TokenKeys {

        public static final int MIN_BYTES = 32;

        public SharedSecret {
            if (secret.length < MIN_BYTES) {
                throw new IllegalArgumentException("an HS256 secret must hold at least " + MIN_BYTES + " bytes");
            }
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public Set<JWSAlgorithm> algorithms() {
            return Set.of(JWSAlgorithm.HS256);
        }

        @Override
        public JWKSource<SecurityContext> source() {
            return new ImmutableSecret<>(secret);
        }
    }

    /**
     * An identity provider's public keys: RSA of at least 2048 bits (RS256) and EC on P-256
     * (ES256). A key with a {@code kid} verifies the tokens that name it; a key without one (as a
     * PEM file holds them) any token.
     */
    record PublicKeys(JWKSet keys) implements TokenKeys {

        private static final int MIN_RSA_BITS = 2048;

        public PublicKeys {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no public key in the key set");
            }
            for (JWK key : keys.getKeys()) {
                check(key);
            }
            keys = keys.toPublicJWKSet();
        }

        /**
         * The keys of a JWKS file (JSON) or a PEM file of {@code PUBLIC KEY} blocks.
         *
         * @throws IllegalArgumentException when the file cannot be read or holds no usable key
         */
        public static PublicKeys readFrom(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the public keys file " + file, e);
            }
            try {
                List<JWK> keys = text.strip().startsWith("{") ? JWKSet.parse(text).getKeys() : PemKeys.parse(text);
                return new PublicKeys(new JWKSet(keys));
            } catch (ParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the public keys file " + file + " holds no usable RS256 or ES256 key"
                        + " (JWKS or PEM): " + e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> algorithms() {
            return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        }

        @Override
        public JWKSource<SecurityContext> source() {
            return (selector, context) -> {
                JWKMatcher byKeyId = selector.getMatcher();
                JWKMatcher anyKeyId = new JWKMatcher.Builder().keyTypes(byKeyId.getKeyTypes())
                        .keyUses(byKeyId.getKeyUses()).algorithms(byKeyId.getAlgorithms()).build();
                return keys.getKeys().stream()
                        .filter(key -> key.getKeyID() == null ? anyKeyId.matches(key) : byKeyId.matches(key))
                        .toList();
            };
        }

        private static void check(JWK key) {
            if (key instanceof RSAKey rsa) {
                if (rsa.size() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("an RSA key must have at least " + MIN_RSA_BITS + " bits");
                }
            } else if (key instanceof ECKey ec) {
                if (!Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException("an EC key must be on curve P-256 (ES256)");
                }
            } else {
                throw new IllegalArgumentException("only RSA and EC public keys verify tokens (got a "
                        + key.getKeyType() + " key)");
            }
        }
    }
}
