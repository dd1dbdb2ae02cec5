package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.shared.PostgresErrors;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DuplicateExternalRefException;
import io.deals.domain.deal.UnknownHotelException;
import io.deals.domain.shared.NotFoundException;
import io.deals.domain.shared.VersionConflictException;
import io.deals.domain.shared.Version;
import jakarta.inject.Inject;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.Optional;

/** Deals with their categories and price periods, each write a fixed number of statements. */
public final class MyBatisDealRepository implements DealRepository {

    private final DealMapper mapper;

    @Inject
    MyBatisDealRepository(DealMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public DealId nextId() {
        return new DealId(mapper.nextId());
    }

    @Override
    public Optional<Deal> find(DealId id) {
        return mapper.find(id.value()).map(DealRow::toDomain);
    }

    @Override
    public void add(Deal deal) {
        DealRow row = DealRow.from(deal);
        try {
            mapper.insert(row);
        } catch (PersistenceException e) {
            throw referenceOr(e, deal);
        }
        linkCategories(row);
        mapper.openPricePeriod(row, deal.createdAt());
    }

    @Override
    public void update(Deal changed, Version expected) {
        DealRow row = DealRow.from(changed);
        int updated;
        try {
            updated = mapper.update(row, expected.value());
        } catch (PersistenceException e) {
            throw referenceOr(e, changed);
        }
        if (updated == 0) {
            throw goneOrStale(changed.id(), expected);
        }
        mapper.unlinkCategories(row.id());
        linkCategories(row);
        mapper.rollPricePeriod(row, changed.updatedAt());
    }

    @Override
    public void remove(DealId id, Version expected) {
        if (mapper.delete(id.value(), expected.value()) == 0) {
            throw goneOrStale(id, expected);
        }
    }

    private void linkCategories(DealRow row) {
        if (row.categories().length > 0) {
            mapper.insertMissingCategories(row.categories());
            mapper.linkCategories(row.id(), row.categories());
        }
    }

    private RuntimeException goneOrStale(DealId id, Version expected) {
        return mapper.exists(id.value())
                ? new VersionConflictException("deal", id.value(), expected)
                : new NotFoundException("deal", id.value());
    }

    /** The foreign key and the unique key decide, so concurrent writers cannot race past a check. */
    private static RuntimeException referenceOr(PersistenceException e, Deal deal) {
        if (PostgresErrors.violated(e, PostgresErrors.FOREIGN_KEY_VIOLATION).filter("deals_hotel_id_fkey"::equals).isPresent()) {
            return new UnknownHotelException(deal.terms().hotelId());
        }
        if (PostgresErrors.violated(e, PostgresErrors.UNIQUE_VIOLATION).filter("deals_external_ref_key"::equals).isPresent()) {
            return new DuplicateExternalRefException(deal.terms().externalRef());
        }
        return e;
    }
}
