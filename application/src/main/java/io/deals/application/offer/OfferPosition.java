package io.deals.application.offer;

import java.util.Objects;

/** Where a record sits in a partitioned log: its topic, partition and offset. */
public record OfferPosition(String topic, int partition, long offset) {

    public OfferPosition {
        Objects.requireNonNull(topic, "topic");
    }

    public boolean samePartition(OfferPosition other) {
        return topic.equals(other.topic) && partition == other.partition;
    }
}
