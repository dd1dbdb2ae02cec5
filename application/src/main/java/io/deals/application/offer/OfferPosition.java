package io.deals.application.offer;

import java.util.Objects;

/** Where a record sits in a partitioned log: its topic, partition and offset. */
public record OfferPosition(String topic, int partition, long offset) {

    public OfferPosition {
        Objects.requireNonNull(topic, "topic");
    }
}
