package io.deals.adapters.persistence.shared;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.PersistenceFixture.OutboxRow;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.hotel.port.in.ChangeHotelCommand;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.hotel.port.in.DeleteHotelCommand;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.domain.deal.DealEvent;
import io.deals.domain.deal.DealId;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.hotelPatch;
import static io.deals.adapters.persistence.PersistenceFixture.outboxEvents;
import static io.deals.adapters.persistence.PersistenceFixture.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code EventOutbox}, driven through the services that append to it. */
class EventOutboxIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    private HotelView createHotel() {
        return db.createHotelService().create(new CreateHotelCommand(
                new HotelDraft(" Hotel Azul ", "Lisbon", "Portugal", "+351 21 000 0001", 4)));
    }

    private DealView createDeal(long hotelId) {
        return db.createDealService().create(new CreateDealCommand(draft(hotelId).build()));
    }

    @Test
    void creating_a_hotel_records_one_hotel_created_event_with_its_representation() {
        HotelView hotel = createHotel();

        assertThat(outboxEvents()).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("deals.hotel.created");
            assertThat(e.aggregateType()).isEqualTo("hotel");
            assertThat(e.aggregateId()).isEqualTo(hotel.id());
            assertThat(e.occurredAt()).isEqualTo(hotel.createdAt());
            assertThat(e.payload()).contains("\"id\": " + hotel.id(), "\"name\": \"Hotel Azul\"",
                    "\"phone\": \"+351210000001\"", "\"star_rating\": 4", "\"version\": 1",
                    "\"created_at\": \"2026-03-01T10:15:30Z\"");
        });
    }

    @Test
    void creating_a_deal_records_one_deal_created_event_with_its_hotel_and_categories() {
        long hotelId = createHotel().id();
        DealView deal = createDeal(hotelId);

        assertThat(outboxEvents()).extracting(OutboxRow::eventType)
                .containsExactly("deals.hotel.created", "deals.deal.created");
        OutboxRow created = outboxEvents().get(1);
        assertThat(created.aggregateType()).isEqualTo("deal");
        assertThat(created.aggregateId()).isEqualTo(deal.id());
        assertThat(created.occurredAt()).isEqualTo(deal.createdAt());
        assertThat(created.payload()).contains("\"price_per_night\": 129.99", "\"original_price\": 199.99",
                "\"discount_percent\": 35", "\"categories\": [\"beach\", \"spa\"]", "\"external_ref\": \"EXT-1\"",
                "\"name\": \"Hotel Azul\"", "\"nights\": 3", "\"checkin_date\": \"2026-06-01\"",
                "\"is_available\": true", "\"version\": 1");
    }

    @Test
    void a_price_change_records_an_update_and_a_price_change_with_the_new_price() {
        DealView deal = createDeal(createHotel().id());

        db.changeDealService().change(new ChangeDealCommand(new DealId(deal.id()), Version.INITIAL,
                patch().pricePerNight("99.99").build()));

        List<OutboxRow> events = outboxEvents();
        assertThat(events).extracting(OutboxRow::eventType).containsExactly(
                "deals.hotel.created", "deals.deal.created", "deals.deal.updated", "deals.deal.price_changed");
        assertThat(events.subList(2, 4)).allSatisfy(e -> {
            assertThat(e.aggregateId()).isEqualTo(deal.id());
            assertThat(e.payload()).contains("\"price_per_night\": 99.99", "\"discount_percent\": 50",
                    "\"version\": 2");
        });
    }

    @Test
    void a_change_that_leaves_the_prices_records_only_an_update() {
        DealView deal = createDeal(createHotel().id());

        db.changeDealService().change(new ChangeDealCommand(new DealId(deal.id()), Version.INITIAL,
                patch().roomType("Suite").build()));

        assertThat(outboxEvents()).extracting(OutboxRow::eventType)
                .containsExactly("deals.hotel.created", "deals.deal.created", "deals.deal.updated");
        assertThat(outboxEvents().get(2).payload()).contains("\"room_type\": \"Suite\"");
    }

    @Test
    void a_change_that_changes_nothing_records_nothing_and_keeps_the_version() {
        DealView deal = createDeal(createHotel().id());

        DealView after = db.changeDealService().change(new ChangeDealCommand(new DealId(deal.id()), Version.INITIAL,
                patch().roomType(deal.roomType()).categories("SPA", "beach").build()));

        assertThat(after.version()).isEqualTo(1);
        assertThat(count("outbox_events")).isEqualTo(2);
    }

    @Test
    void deleting_a_deal_records_a_deleted_event_with_its_last_representation() {
        DealView deal = createDeal(createHotel().id());
        db.changeDealService().change(new ChangeDealCommand(new DealId(deal.id()), Version.INITIAL,
                patch().roomType("Last Suite").build()));

        db.deleteDealService().delete(new DeleteDealCommand(new DealId(deal.id()), new Version(2)));

        assertThat(db.deals.find(new DealId(deal.id()))).isEmpty();
        OutboxRow deleted = outboxEvents().get(outboxEvents().size() - 1);
        assertThat(deleted.eventType()).isEqualTo("deals.deal.deleted");
        assertThat(deleted.aggregateId()).isEqualTo(deal.id());
        assertThat(deleted.payload()).contains("\"id\": " + deal.id(), "\"room_type\": \"Last Suite\"",
                "\"version\": 2", "\"price_per_night\": 129.99", "\"name\": \"Hotel Azul\"");
    }

    @Test
    void changing_and_deleting_a_hotel_record_its_events() {
        HotelView hotel = createHotel();

        HotelId id = new HotelId(hotel.id());
        HotelView changed = db.changeHotelService().change(new ChangeHotelCommand(id, Version.INITIAL,
                hotelPatch("Hotel Azul Mar", null)));
        db.deleteHotelService().delete(new DeleteHotelCommand(id, new Version(2)));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(outboxEvents()).extracting(OutboxRow::eventType)
                .containsExactly("deals.hotel.created", "deals.hotel.updated", "deals.hotel.deleted");
        assertThat(outboxEvents().subList(1, 3)).allSatisfy(e ->
                assertThat(e.payload()).contains("\"name\": \"Hotel Azul Mar\"", "\"version\": 2"));
        assertThat(db.hotels.find(id)).isEmpty();
    }

    @Test
    void seq_strictly_increases_in_the_order_events_were_recorded() {
        DealView deal = createDeal(createHotel().id());
        DealId id = new DealId(deal.id());
        db.changeDealService().change(new ChangeDealCommand(id, Version.INITIAL, patch().pricePerNight("99.99").build()));
        db.deleteDealService().delete(DeleteDealCommand.unconditional(id));

        List<OutboxRow> events = outboxEvents();
        assertThat(events).extracting(OutboxRow::eventType).containsExactly("deals.hotel.created",
                "deals.deal.created", "deals.deal.updated", "deals.deal.price_changed", "deals.deal.deleted");
        assertThat(events).extracting(OutboxRow::seq).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(OutboxRow::occurredAt).isSorted();
    }

    @Test
    void refuses_events_outside_a_transaction() {
        assertThatThrownBy(() -> db.outbox.append(List.of(new DealEvent.Created(new DealId(4242), db.clock.now())), "{}"))
                .isInstanceOf(IllegalStateException.class);

        db.write(() -> { });
        assertThat(count("outbox_events")).isZero();
    }

    @Test
    void events_of_a_rolled_back_transaction_do_not_reach_the_next_one_on_the_same_thread() {
        assertThatThrownBy(() -> db.write(() -> {
            db.outbox.append(List.of(new DealEvent.Created(new DealId(1), db.clock.now())), "{\"rolled_back\": true}");
            throw new IllegalStateException("fails after recording its event");
        })).hasMessageContaining("fails");

        db.write(() -> db.outbox.append(List.of(new DealEvent.Created(new DealId(2), db.clock.now())), "{}"));

        assertThat(outboxEvents()).extracting(OutboxRow::aggregateId).containsExactly(2L);
    }
}
