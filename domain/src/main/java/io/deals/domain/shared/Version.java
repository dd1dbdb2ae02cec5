package io.deals.domain.shared;

/**
 * The optimistic-locking version of an aggregate: 1 when created, one more on every real
 * change. Aggregates only carry it; the persistence adapter bumps and checks it.
 */
public record Version(long value) {

    public static final Version INITIAL = new Version(1);

    public Version {
        if (value < 1) {
            throw new InvalidValueException("out_of_range", "must be at least 1");
        }
    }

    /** Refuses a change made from another version than this, the current one. */
    public void requireExpected(Version expected, String resource, long id) {
        if (!equals(expected)) {
            throw new VersionConflictException(resource, id, expected);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
