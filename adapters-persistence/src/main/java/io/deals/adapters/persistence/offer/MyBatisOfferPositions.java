package io.deals.adapters.persistence.offer;

import io.deals.application.offer.OfferPositionMovedException;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.port.out.OfferPositions;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Offer positions in {@code offer_positions}, moved by compare and set. */
public final class MyBatisOfferPositions implements OfferPositions {

    /** Partitions are locked in one order, so two consumers that overlap wait rather than deadlock. */
    private static final Comparator<PartitionProgress> LOCK_ORDER =
            Comparator.comparing(PartitionProgress::topic).thenComparingInt(PartitionProgress::partition);

    private final OfferPositionMapper mapper;

    @Inject
    MyBatisOfferPositions(OfferPositionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Map<Integer, Long> stored(String topic, Collection<Integer> partitions) {
        return mapper.stored(topic, partitions.toArray(Integer[]::new)).stream()
                .collect(Collectors.toMap(OfferPositionRow::partition, OfferPositionRow::nextOffset));
    }

    @Override
    public void advance(List<PartitionProgress> progress) {
        for (PartitionProgress partition : progress.stream().sorted(LOCK_ORDER).toList()) {
            int moved = partition.stored().isPresent()
                    ? mapper.advance(partition.topic(), partition.partition(), partition.stored().getAsLong(),
                            partition.next())
                    : mapper.start(partition.topic(), partition.partition(), partition.next());
            if (moved != 1) {
                throw new OfferPositionMovedException(partition);
            }
        }
    }
}
