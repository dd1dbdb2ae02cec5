package io.deals.application.offer;

/**
 * A partition's stored position is no longer where this consumer started its batch: another
 * consumer took the partition over and moved on. The batch must not be applied; the consumer
 * starts again from what is stored, if the partition is still its own.
 */
public final class OfferPositionMovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OfferPositionMovedException(PartitionProgress progress) {
        super("the stored position of " + progress.topic() + "-" + progress.partition() + " moved past "
                + (progress.stored().isPresent() ? progress.stored().getAsLong() : "its start"));
    }
}
