package io.deals.application.event;

/** A reader asked for events that retention already deleted: it would miss some, so it gets none. */
public final class EventsGoneException extends RuntimeException {

    private final long deletedThrough;

    public EventsGoneException(long after, long deletedThrough) {
        super("events after " + after + " are no longer kept; the oldest kept follows " + deletedThrough);
        this.deletedThrough = deletedThrough;
    }

    public long deletedThrough() {
        return deletedThrough;
    }
}
