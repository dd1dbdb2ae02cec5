package io.deals.application.event.port.out;

/**
 * The exclusive right to relay under one name, held until closed or until the process or its
 * database connection dies (then another relay may take it over).
 */
public interface RelayLease extends AutoCloseable {

    /** The stored position when the lease was taken: every event up to it has been published. */
    long position();

    /** Whether the lease is still held; false once its connection to the database broke. */
    boolean held();

    /**
     * Stores {@code position}: every event up to it has been published.
     *
     * @throws io.deals.application.event.RelayLeaseLostException when the lease is no longer held;
     *         nothing was stored then
     */
    void advance(long position);

    /** Gives the lease up. */
    @Override
    void close();
}
