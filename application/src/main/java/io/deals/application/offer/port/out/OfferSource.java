package io.deals.application.offer.port.out;

import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.RejectedOffer;

import java.time.Duration;
import java.util.List;

/**
 * The offers topic, read by one thread. It starts each partition it is given at the position
 * stored in the database, never at one of its own.
 */
public interface OfferSource extends AutoCloseable {

    /** Joins the consumers of the topic; each partition given to this one starts where {@code positions} says. */
    void subscribe(OfferPositions positions);

    /**
     * The next offers, waiting up to {@code timeout} for some; an empty batch when none came. Throws
     * when the broker or the stored positions cannot be reached.
     */
    OfferBatch poll(Duration timeout);

    /**
     * Copies the rejected offers of the last batch, key and value untouched, to the dead-letter
     * topic with their reasons; returns once the broker has them all, and throws when it does not.
     */
    void setAside(List<RejectedOffer> rejected);

    /**
     * The batch's positions are committed to the database: the broker may hear of them too, for its
     * own tools. Best effort: the database's positions are the ones that count.
     */
    void committed(OfferBatch batch);

    /** The last batch was not applied: the next poll starts again from the positions stored. */
    void rewind();

    /**
     * Records in the topic not applied yet, a polled batch's included until it is committed, as of
     * the last poll; safe from any thread.
     */
    long lag();

    @Override
    void close();
}
