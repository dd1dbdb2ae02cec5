package io.deals.application.shared.port.in;

import java.util.Objects;

/**
 * A client's key for one create request, so that a retry returns what the first attempt created
 * instead of creating it twice. The fingerprint identifies the request body: the same key with
 * another body is refused.
 */
public record IdempotencyKey(String scope, String value, String fingerprint) {

    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
