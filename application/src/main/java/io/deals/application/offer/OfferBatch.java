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
}
