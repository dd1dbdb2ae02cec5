package io.deals.application.event;

/**
 * A reader asked for events after a position the feed has not reached: no honest position is past
 * the head, so it comes from another (or a restored) database, and waiting would only stall it.
 */
public final class EventPositionUnknownException extends RuntimeException {

    public EventPositionUnknownException(long after, long head) {
        super("after " + after + " is past the newest event (" + head + "); start again without it");
    }
}
