package io.deals.application.offer;

import java.util.List;

/** The offers one poll returned, in partition and offset order, and how far they take each partition. */
public record OfferBatch(List<Offer> offers, List<PartitionProgress> progress) {

    public OfferBatch {
        offers = List.copyOf(offers);
        progress = List.copyOf(progress);
    }

    public boolean isEmpty() {
        return offers.isEmpty();
    }

    /**
     * The batch without the offers at and after each of {@code cuts} in its partition: those
     * partitions end at their cut, to be read on from there.
     */
    public OfferBatch cutAt(List<OfferPosition> cuts) {
        if (cuts.isEmpty()) {
            return this;
        }
        List<Offer> kept = offers.stream()
                .filter(offer -> cuts.stream().noneMatch(cut -> cut.samePartition(offer.position())
                        && offer.position().offset() >= cut.offset()))
                .toList();
        List<PartitionProgress> ends = progress.stream()
                .map(partition -> cuts.stream().filter(partition::holds).findFirst()
                        .map(cut -> partition.endingAt(cut.offset()))
                        .orElse(partition))
                .toList();
        return new OfferBatch(kept, ends);
    }
}
