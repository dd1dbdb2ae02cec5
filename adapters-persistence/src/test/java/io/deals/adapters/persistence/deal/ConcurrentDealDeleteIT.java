package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.deal.service.DeleteDealService;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.shared.NotFoundException;
import io.deals.domain.shared.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two clients deleting one deal at once: the one that comes second hears 404, as if it had come later. */
class ConcurrentDealDeleteIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void a_deal_another_writer_deletes_between_reading_and_removing_it_is_not_found() {
        long hotel = db.createHotelService().create(new CreateHotelCommand(
                new HotelDraft("Hotel Azul", "Lisbon", "Portugal", "+351 21 000 0001", 4))).id();
        DealId id = new DealId(db.createDealService().create(new CreateDealCommand(draft(hotel).build())).id());
        DeleteDealService racing = db.deleteDealService(new DeletedByAnotherWriterOnceRead(db.deals));

        assertThatThrownBy(() -> racing.delete(DeleteDealCommand.unconditional(id))).isInstanceOf(NotFoundException.class);

        assertThat(count("deals")).isZero();
        assertThat(PersistenceFixture.outboxEvents()).filteredOn(e -> e.eventType().equals("deals.deal.deleted"))
                .as("one delete, one event").hasSize(1);
    }

    /** The store, but the deal read is deleted and committed by another client right after the read. */
    private final class DeletedByAnotherWriterOnceRead implements DealRepository {

        private final DealRepository store;

        DeletedByAnotherWriterOnceRead(DealRepository store) {
            this.store = store;
        }

        @Override
        public Optional<Deal> find(DealId id) {
            Optional<Deal> read = store.find(id);
            // Another thread, so another connection and transaction, which commits at once.
            read.ifPresent(deal -> CompletableFuture.runAsync(() -> db.deleteDealService().delete(
                    new DeleteDealCommand(id, deal.version()))).join());
            return read;
        }

        @Override
        public DealId nextId() {
            return store.nextId();
        }

        @Override
        public void add(Deal deal) {
            store.add(deal);
        }

        @Override
        public void update(Deal changed, Version expected) {
            store.update(changed, expected);
        }

        @Override
        public void remove(DealId id, Version expected) {
            store.remove(id, expected);
        }
    }
}
