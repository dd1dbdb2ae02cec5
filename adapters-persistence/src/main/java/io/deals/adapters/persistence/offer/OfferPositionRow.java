package io.deals.adapters.persistence.offer;

/** One partition's stored position, as read. */
public record OfferPositionRow(int partition, long nextOffset) {
}
