package io.deals.application.shared.port.in;

/**
 * One page: {@code limit} rows either {@code offset} rows in (with the total count), or after a
 * {@code keyset} position (counted only when {@code withTotal}), never both.
 */
public record PageRequest(int limit, int offset, Keyset after, boolean withTotal) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 100_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET || (after != null && offset != 0)) {
            throw new IllegalArgumentException("offset must be 0.." + MAX_OFFSET + " and not combined with a keyset");
        }
    }
}
