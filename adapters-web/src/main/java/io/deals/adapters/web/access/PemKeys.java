package io.deals.adapters.web.access;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys in PEM: {@code PUBLIC KEY} blocks (X.509 SubjectPublicKeyInfo, as {@code openssl pkey
 * -pubout} writes them), read with the JDK alone: nimbus' own PEM reader needs BouncyCastle.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemKeys() {
    }

    /** The keys of every block in {@code pem}, in order. */
    static List<JWK> parse(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (!block.group(1).equals("PUBLIC KEY")) {
                throw new IllegalArgumentException("a " + block.group(1) + " block; only PUBLIC KEY blocks are read");
            }
            keys.add(jwk(publicKey(Base64.getMimeDecoder().decode(block.group(2)))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("a PUBLIC KEY block that is neither an RSA nor an EC key");
    }

    private static JWK jwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new IllegalArgumentException("an EC key on a curve JOSE does not name");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new IllegalArgumentException("a " + key.getAlgorithm() + " key; only RSA and EC keys are read");
    }
}
