package io.deals.adapters.web.access;

import java.util.Objects;
import java.util.Optional;

/**
 * How the API checks tokens: the keys that verify them, the issuer ({@code iss}) and audience
 * ({@code aud}) they must name when set, and whether reads need {@code deals:read} too.
 */
public record TokenSettings(TokenKeys keys, Optional<String> issuer, Optional<String> audience, boolean privateReads) {

    public TokenSettings {
        Objects.requireNonNull(keys, "keys");
        issuer = issuer.filter(value -> !value.isBlank()).map(String::strip);
        audience = audience.filter(value -> !value.isBlank()).map(String::strip);
    }

    /** HS256 tokens signed with {@code secret}, no issuer or audience, public reads. */
    public static TokenSettings sharedSecret(byte[] secret) {
        return new TokenSettings(new TokenKeys.SharedSecret(secret), Optional.empty(), Optional.empty(), false);
    }

    public TokenSettings withIssuer(String value) {
        return new TokenSettings(keys, Optional.ofNullable(value), audience, privateReads);
    }

    public TokenSettings withAudience(String value) {
        return new TokenSettings(keys, issuer, Optional.ofNullable(value), privateReads);
    }

    public TokenSettings withPrivateReads(boolean value) {
        return new TokenSettings(keys, issuer, audience, value);
    }
}
