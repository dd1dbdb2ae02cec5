package io.deals.adapters.persistence.shared;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.hotel.port.in.DeleteHotelCommand;
import io.deals.domain.deal.DuplicateExternalRefException;
import io.deals.domain.hotel.DuplicateHotelException;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelHasDealsException;
import io.deals.domain.shared.Change;
import io.deals.domain.shared.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.hotelDetails;
import static io.deals.adapters.persistence.PersistenceFixture.hotelPatch;
import static io.deals.adapters.persistence.PersistenceFixture.outboxEvents;
import static io.deals.adapters.persistence.PersistenceFixture.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code TransactionRunner}: a change and its events commit together or not at all. */
class TransactionRunnerIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void commits_the_change_and_its_event_when_the_work_returns() {
        Hotel hotel = db.addHotel();

        String result = db.inTx(() -> {
            Change<Hotel> change = hotel.change(hotelPatch("Hotel Azul Mar", null), db.clock.now());
            db.hotels.update(change.after(), Version.INITIAL);
            db.outbox.append(change.events(), "{}");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(query("SELECT name, version FROM hotels WHERE id = ?", hotel.id().value()))
                .containsExactly(Map.of("name", "Hotel Azul Mar", "version", 2L));
        assertThat(outboxEvents()).singleElement()
                .satisfies(e -> assertThat(e.eventType()).isEqualTo("deals.hotel.updated"));
    }

    @Test
    void rolls_back_the_change_and_its_event_when_the_work_throws_and_rethrows_the_failure() {
        Hotel hotel = db.addHotel();
        IllegalStateException failure = new IllegalStateException("fails after writing");

        assertThatThrownBy(() -> db.inTx(() -> {
            Change<Hotel> change = hotel.change(hotelPatch("Hotel Azul Mar", "+351210000009"), db.clock.now());
            db.hotels.update(change.after(), Version.INITIAL);
            db.outbox.append(change.events(), "{}");
            throw failure;
        })).isSameAs(failure);

        Hotel stored = db.hotels.find(hotel.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(Version.INITIAL);
        assertThat(stored.details()).isEqualTo(hotel.details());
        assertThat(stored.updatedAt()).isEqualTo(hotel.updatedAt());
        assertThat(count("outbox_events")).isZero();
    }

    @Test
    void a_database_failure_undoes_the_earlier_writes_of_the_same_work() {
        assertThatThrownBy(() -> db.write(() -> {
            db.hotels.add(Hotel.create(db.hotels.nextId(), hotelDetails("Hotel Azul", "+351210000001"),
                    db.clock.now()).after());
            db.hotels.add(Hotel.create(db.hotels.nextId(), hotelDetails("Hotel Verde", "+351210000001"),
                    db.clock.now()).after());
        })).isInstanceOf(DuplicateHotelException.class);

        assertThat(count("hotels")).isZero();
    }

    @Test
    void nested_work_joins_the_outer_transaction_and_rolls_back_with_it() {
        IllegalStateException failure = new IllegalStateException("outer fails after the inner committed");

        assertThatThrownBy(() -> db.write(() -> {
            db.addHotel();
            throw failure;
        })).isSameAs(failure);

        assertThat(count("hotels")).isZero();
    }

    @Test
    void the_runner_serves_the_next_work_after_a_rollback() {
        assertThatThrownBy(() -> db.write(() -> {
            throw new IllegalStateException("first work fails");
        })).isInstanceOf(IllegalStateException.class);

        Hotel hotel = db.addHotel();

        assertThat(db.hotels.find(hotel.id())).isPresent();
    }

    @Test
    void a_deal_refused_for_a_taken_external_ref_leaves_no_row_and_no_event() {
        long hotelId = db.addHotel().id().value();
        db.createDealService().create(new CreateDealCommand(draft(hotelId).externalRef("EXT-1").build()));
        long[] before = {count("deals"), count("deal_categories"), count("deal_price_history"), count("outbox_events")};

        assertThatThrownBy(() -> db.createDealService().create(new CreateDealCommand(
                draft(hotelId).externalRef("EXT-1").roomType("Suite").categories("new category").build())))
                .isInstanceOf(DuplicateExternalRefException.class);

        assertThat(new long[] {count("deals"), count("deal_categories"), count("deal_price_history"),
                count("outbox_events")}).containsExactly(before);
        assertThat(before).containsExactly(1, 2, 1, 1);
        assertThat(query("SELECT name FROM categories WHERE name = 'new category'")).isEmpty();
    }

    @Test
    void a_hotel_delete_refused_for_its_deals_leaves_no_deleted_event() {
        Hotel hotel = db.addHotel();
        db.addDeal(draft(hotel.id().value()).build());

        assertThatThrownBy(() -> db.deleteHotelService().delete(DeleteHotelCommand.unconditional(hotel.id())))
                .isInstanceOf(HotelHasDealsException.class);

        assertThat(db.hotels.find(hotel.id())).isPresent();
        assertThat(count("outbox_events")).isZero();
    }
}
