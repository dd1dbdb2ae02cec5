package io.deals.application.retention.port.in;

/** How many events and idempotency keys one pruning deleted. */
public record PruneReport(long events, long idempotencyKeys) {
}
