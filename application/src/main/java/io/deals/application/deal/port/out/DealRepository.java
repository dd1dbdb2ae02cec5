package io.deals.application.deal.port.out;

import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.shared.Version;

import java.util.Optional;

/**
 * Where deals live, with their categories and price history. The store enforces the hotel
 * reference and the unique external reference itself, so concurrent writers cannot race past them.
 */
public interface DealRepository {

    DealId nextId();

    Optional<Deal> find(DealId id);

    /**
     * Stores a new deal and opens its first price period. {@code UnknownHotelException} if its
     * hotel does not exist, {@code DuplicateExternalRefException} if its reference is taken.
     */
    void add(Deal deal);

    /**
     * Stores a changed deal only if it is still at {@code expected} (then one version further),
     * closing the price period and opening the next when a price changed.
     * {@code VersionConflictException} if another change came first, {@code NotFoundException}
     * if it is gone, and the exceptions of {@link #add(Deal)}.
     */
    void update(Deal changed, Version expected);

    /** Removes a deal, only while at {@code expected}. */
    void remove(DealId id, Version expected);
}
