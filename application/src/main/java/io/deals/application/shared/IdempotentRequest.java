package io.deals.application.shared;

/** What an earlier request under the same idempotency key sent (its fingerprint) and created. */
public record IdempotentRequest(String fingerprint, long resourceId) {
}
