package io.deals.application.offer;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a batch takes one partition: from {@code stored}, the position the consumer started from
 * as the database had it (empty when it had none), to {@code next}, the offset to read after the
 * batch. Storing {@code next} succeeds only while {@code stored} is still what the database holds,
 * so a consumer that lost the partition to another cannot apply its batch a second time.
 */
public record PartitionProgress(String topic, int partition, OptionalLong stored, long next) {

    public PartitionProgress {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(stored, "stored");
    }

    /** Whether {@code position} is in this partition. */
    public boolean holds(OfferPosition position) {
        return topic.equals(position.topic()) && partition == position.partition();
    }

    /** The same progress, ending before {@code offset}. */
    public PartitionProgress endingAt(long offset) {
        return new PartitionProgress(topic, partition, stored, offset);
    }
}
