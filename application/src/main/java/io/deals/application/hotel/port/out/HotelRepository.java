package io.deals.application.hotel.port.out;

import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Version;

import java.util.Optional;

/**
 * Where hotels live. Uniqueness (phone; name, city and country) is enforced by the store
 * itself, so that two concurrent writers cannot both pass a check and then both insert.
 */
public interface HotelRepository {

    HotelId nextId();

    Optional<Hotel> find(HotelId id);

    /** Stores a new hotel; {@code DuplicateHotelException} if it clashes with another. */
    void add(Hotel hotel);

    /**
     * Stores a changed hotel only if it is still at {@code expected} (then one version further).
     * {@code VersionConflictException} if another change came first, {@code NotFoundException}
     * if it is gone, {@code DuplicateHotelException} on a clash.
     */
    void update(Hotel changed, Version expected);

    /**
     * Removes a hotel, only while at {@code expected}. {@code HotelHasDealsException} while deals
     * still reference it.
     */
    void remove(HotelId id, Version expected);
}
