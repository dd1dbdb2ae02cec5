package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.PersistenceFixture.PricePeriod;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DuplicateExternalRefException;
import io.deals.domain.deal.UnknownHotelException;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.shared.NotFoundException;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.patch;
import static io.deals.adapters.persistence.PersistenceFixture.pricePeriods;
import static io.deals.adapters.persistence.PersistenceFixture.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code DealRepository} against the real schema. */
class DealRepositoryIT {

    private final PersistenceFixture db = new PersistenceFixture();
    private Hotel hotel;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        hotel = db.addHotel();
    }

    @Test
    void add_then_find_round_trips_every_field() {
        Deal added = db.addDeal(draft(hotel.id().value()).prices("129.9", "200").categories("spa", "Beach", "family")
                .externalRef("EXT-42").build());

        Deal found = db.deals.find(added.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(added.id());
        assertThat(found.terms()).isEqualTo(added.terms());
        assertThat(found.terms().categories().values()).containsExactly("beach", "family", "spa");
        assertThat(found.terms().externalRef().value()).isEqualTo("EXT-42");
        assertThat(found.terms().pricePerNight().amount()).isEqualTo(new BigDecimal("129.90"));
        assertThat(found.terms().originalPrice().amount()).isEqualTo(new BigDecimal("200.00"));
        assertThat(found.terms().discount().value()).isEqualTo(35);
        assertThat(found.terms().stay().nights()).isEqualTo(3);
        assertThat(found.version()).isEqualTo(Version.INITIAL);
        assertThat(found.createdAt()).isEqualTo(added.createdAt());
        assertThat(found.updatedAt()).isEqualTo(added.updatedAt());
    }

    @Test
    void add_without_external_ref_or_categories_round_trips_them_as_absent() {
        Deal added = db.addDeal(draft(hotel.id().value()).externalRef(null).categories().build());

        Deal found = db.deals.find(added.id()).orElseThrow();

        assertThat(found.terms().externalRef()).isNull();
        assertThat(found.terms().categories().values()).isEmpty();
        assertThat(found.terms()).isEqualTo(added.terms());
    }

    @Test
    void add_opens_the_first_price_period() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());

        assertThat(pricePeriods(deal.id().value())).containsExactly(new PricePeriod(
                new BigDecimal("129.99"), new BigDecimal("199.99"), 35, deal.createdAt(), null));
    }

    @Test
    void add_with_a_hotel_that_does_not_exist_is_an_unknown_hotel() {
        long missing = hotel.id().value() + 100;

        assertThatThrownBy(() -> db.addDeal(draft(missing).build()))
                .isInstanceOfSatisfying(UnknownHotelException.class,
                        e -> assertThat(e.code()).isEqualTo("HOTEL_NOT_FOUND"));
        assertThat(count("deals")).isZero();
        assertThat(count("deal_price_history")).isZero();
    }

    @Test
    void add_with_a_taken_external_ref_is_a_duplicate() {
        db.addDeal(draft(hotel.id().value()).externalRef("EXT-1").build());

        assertThatThrownBy(() -> db.addDeal(draft(hotel.id().value()).externalRef("EXT-1").roomType("Suite").build()))
                .isInstanceOfSatisfying(DuplicateExternalRefException.class,
                        e -> assertThat(e.code()).isEqualTo("DUPLICATE_EXTERNAL_REF"));
        assertThat(count("deals")).isEqualTo(1);
    }

    @Test
    void update_replaces_the_category_set() {
        Deal deal = db.addDeal(draft(hotel.id().value()).categories("beach", "spa").build());
        Deal changed = db.changed(deal, patch().categories("spa", "city break"));

        db.write(() -> db.deals.update(changed, Version.INITIAL));

        Deal found = db.deals.find(deal.id()).orElseThrow();
        assertThat(found.terms().categories().values()).containsExactly("city break", "spa");
        assertThat(found.version()).isEqualTo(new Version(2));
        assertThat(query("SELECT c.name FROM deal_categories dc JOIN categories c ON c.id = dc.category_id "
                + "WHERE dc.deal_id = ? ORDER BY c.name", deal.id().value()))
                .extracting(r -> r.get("name")).containsExactly("city break", "spa");
    }

    @Test
    void update_stores_every_changed_field_and_bumps_the_version() {
        Hotel other = db.addHotel(PersistenceFixture.hotelDetails("Hotel Verde", "+351210000002"));
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().hotelId(other.id().value()).roomType("Suite").externalRef("EXT-9"));

        db.write(() -> db.deals.update(changed, Version.INITIAL));

        Deal found = db.deals.find(deal.id()).orElseThrow();
        assertThat(found.terms()).isEqualTo(changed.terms());
        assertThat(found.version()).isEqualTo(new Version(2));
        assertThat(found.updatedAt()).isEqualTo(changed.updatedAt());
        assertThat(found.createdAt()).isEqualTo(deal.createdAt());
    }

    @Test
    void a_price_change_closes_the_current_price_period_and_opens_a_new_one() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().pricePerNight("99.99"));

        db.write(() -> db.deals.update(changed, Version.INITIAL));

        assertThat(pricePeriods(deal.id().value())).containsExactly(
                new PricePeriod(new BigDecimal("129.99"), new BigDecimal("199.99"), 35,
                        deal.createdAt(), changed.updatedAt()),
                new PricePeriod(new BigDecimal("99.99"), new BigDecimal("199.99"), 50,
                        changed.updatedAt(), null));
    }

    @Test
    void a_change_that_leaves_the_prices_keeps_the_current_price_period() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().roomType("Suite").categories("city"));

        db.write(() -> db.deals.update(changed, Version.INITIAL));

        assertThat(pricePeriods(deal.id().value())).containsExactly(new PricePeriod(
                new BigDecimal("129.99"), new BigDecimal("199.99"), 35, deal.createdAt(), null));
    }

    @Test
    void update_at_a_stale_version_is_a_version_conflict_and_keeps_the_stored_deal() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        db.write(() -> db.deals.update(db.changed(deal, patch().roomType("First Writer")), Version.INITIAL));
        Deal late = db.changed(deal, patch().roomType("Second Writer").categories("late"));

        assertThatThrownBy(() -> db.write(() -> db.deals.update(late, Version.INITIAL)))
                .isInstanceOfSatisfying(VersionConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("VERSION_CONFLICT"));

        Deal found = db.deals.find(deal.id()).orElseThrow();
        assertThat(found.version()).isEqualTo(new Version(2));
        assertThat(found.terms().roomType()).isEqualTo("First Writer");
        assertThat(found.terms().categories().values()).containsExactly("beach", "spa");
    }

    @Test
    void update_of_a_missing_deal_is_not_found() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal ghost = Deal.restore(new DealId(deal.id().value() + 100), deal.terms(), Version.INITIAL,
                deal.createdAt(), deal.updatedAt());

        assertThatThrownBy(() -> db.write(() -> db.deals.update(ghost, Version.INITIAL)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void update_to_a_hotel_that_does_not_exist_is_an_unknown_hotel() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().hotelId(hotel.id().value() + 100));

        assertThatThrownBy(() -> db.write(() -> db.deals.update(changed, Version.INITIAL)))
                .isInstanceOf(UnknownHotelException.class);
        assertThat(db.deals.find(deal.id()).orElseThrow().terms().hotelId()).isEqualTo(hotel.id());
    }

    @Test
    void update_to_a_taken_external_ref_is_a_duplicate() {
        db.addDeal(draft(hotel.id().value()).externalRef("EXT-1").build());
        Deal second = db.addDeal(draft(hotel.id().value()).externalRef("EXT-2").build());

        assertThatThrownBy(() -> db.write(() ->
                db.deals.update(db.changed(second, patch().externalRef("EXT-1")), Version.INITIAL)))
                .isInstanceOf(DuplicateExternalRefException.class);
        assertThat(db.deals.find(second.id()).orElseThrow().terms().externalRef().value()).isEqualTo("EXT-2");
    }

    @Test
    void remove_then_find_is_empty_and_takes_categories_and_price_history_along() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());

        db.write(() -> db.deals.remove(deal.id(), Version.INITIAL));

        assertThat(db.deals.find(deal.id())).isEmpty();
        assertThat(count("deal_categories")).isZero();
        assertThat(count("deal_price_history")).isZero();
        assertThat(db.hotels.find(hotel.id())).isPresent();
    }

    @Test
    void remove_at_a_stale_version_is_a_version_conflict_and_keeps_the_deal() {
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        db.write(() -> db.deals.update(db.changed(deal, patch().roomType("Suite")), Version.INITIAL));

        assertThatThrownBy(() -> db.write(() -> db.deals.remove(deal.id(), Version.INITIAL)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(db.deals.find(deal.id())).isPresent();
    }

    @Test
    void remove_of_a_missing_deal_is_not_found() {
        assertThatThrownBy(() -> db.write(() -> db.deals.remove(new DealId(4242), Version.INITIAL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void categories_shared_by_deals_are_stored_once() {
        db.addDeal(draft(hotel.id().value()).externalRef("EXT-1").categories("spa", "beach").build());
        db.addDeal(draft(hotel.id().value()).externalRef("EXT-2").categories("spa", "city").build());

        assertThat(query("SELECT name FROM categories ORDER BY name"))
                .extracting(r -> r.get("name")).containsExactly("beach", "city", "spa");
        assertThat(count("deal_categories")).isEqualTo(4);
    }

    @Test
    void nothing_is_found_for_a_deal_that_was_never_stored() {
        assertThat(db.deals.find(new DealId(4242))).isEmpty();
    }
}
