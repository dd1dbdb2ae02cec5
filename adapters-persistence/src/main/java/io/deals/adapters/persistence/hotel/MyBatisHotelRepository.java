package io.deals.adapters.persistence.hotel;

import io.deals.adapters.persistence.shared.PostgresErrors;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.domain.hotel.DuplicateHotelException;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelHasDealsException;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.NotFoundException;
import io.deals.domain.shared.VersionConflictException;
import io.deals.domain.shared.Version;
import jakarta.inject.Inject;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.Optional;

public final class MyBatisHotelRepository implements HotelRepository {

    private final HotelMapper mapper;

    @Inject
    MyBatisHotelRepository(HotelMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public HotelId nextId() {
        return new HotelId(mapper.nextId());
    }

    @Override
    public Optional<Hotel> find(HotelId id) {
        return mapper.find(id.value()).map(HotelRow::toDomain);
    }

    @Override
    public void add(Hotel hotel) {
        HotelRow row = HotelRow.from(hotel);
        try {
            mapper.insert(row);
        } catch (PersistenceException e) {
            throw duplicateOr(e, row);
        }
    }

    @Override
    public void update(Hotel changed, Version expected) {
        HotelRow row = HotelRow.from(changed);
        int updated;
        try {
            updated = mapper.update(row, expected.value());
        } catch (PersistenceException e) {
            throw duplicateOr(e, row);
        }
        if (updated == 0) {
            throw goneOrStale(changed.id(), expected);
        }
    }

    @Override
    public void remove(HotelId id, Version expected) {
        int deleted;
        try {
            deleted = mapper.delete(id.value(), expected.value());
        } catch (PersistenceException e) {
            if (PostgresErrors.violated(e, PostgresErrors.FOREIGN_KEY_VIOLATION).isPresent()) {
                throw new HotelHasDealsException(id);
            }
            throw e;
        }
        if (deleted == 0) {
            throw goneOrStale(id, expected);
        }
    }

    private RuntimeException goneOrStale(HotelId id, Version expected) {
        return mapper.exists(id.value())
                ? new VersionConflictException("hotel", id.value(), expected)
                : new NotFoundException("hotel", id.value());
    }

    /** The unique constraints decide duplicates, so two concurrent writers cannot both pass a check. */
    private static RuntimeException duplicateOr(PersistenceException e, HotelRow row) {
        Optional<String> constraint = PostgresErrors.violated(e, PostgresErrors.UNIQUE_VIOLATION);
        if (constraint.filter("hotels_phone_key"::equals).isPresent()) {
            return new DuplicateHotelException("phone", "another hotel already has phone " + row.phone());
        }
        if (constraint.filter("hotels_name_city_country_key"::equals).isPresent()) {
            return new DuplicateHotelException("name", "another hotel named '" + row.name() + "' already exists in "
                    + row.city() + ", " + row.country());
        }
        return e;
    }
}
