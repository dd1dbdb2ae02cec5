package io.deals.application.offer.port.out;

import io.deals.application.offer.OfferPositionMovedException;
import io.deals.application.offer.PartitionProgress;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The offsets consumed, kept in the database with what the offers did, so that each offer takes effect once. */
public interface OfferPositions {

    /** The offset to read next in each of {@code partitions} of {@code topic} that has one stored. */
    Map<Integer, Long> stored(String topic, Collection<Integer> partitions);

    /**
     * Stores where each partition continues, in the current transaction, holding each partition's
     * position until the commit. Throws {@link OfferPositionMovedException} when a stored position
     * is not where the progress started (another consumer moved it).
     */
    void advance(List<PartitionProgress> progress);
}
