package io.deals.adapters.persistence.hotel;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.domain.hotel.DuplicateHotelException;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelHasDealsException;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.NotFoundException;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.hotelDetails;
import static io.deals.adapters.persistence.PersistenceFixture.hotelPatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code HotelRepository} against the real schema. */
class HotelRepositoryIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void add_then_find_round_trips_every_field() {
        Hotel added = db.addHotel(hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 5));

        Hotel found = db.hotels.find(added.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(added.id());
        assertThat(found.details()).isEqualTo(added.details());
        assertThat(found.details().phone().value()).isEqualTo("+351210000001");
        assertThat(found.details().starRating().value()).isEqualTo(5);
        assertThat(found.version()).isEqualTo(Version.INITIAL);
        assertThat(found.createdAt()).isEqualTo(PersistenceFixture.TestClock.START);
        assertThat(found.updatedAt()).isEqualTo(added.updatedAt());
    }

    @Test
    void find_of_an_unknown_hotel_is_empty() {
        assertThat(db.hotels.find(new HotelId(4242))).isEmpty();
    }

    @Test
    void refuses_a_second_hotel_with_the_same_phone() {
        db.addHotel(hotelDetails("Hotel Azul", "+351210000001"));

        assertThatThrownBy(() -> db.addHotel(hotelDetails("Hotel Verde", "+351210000001")))
                .isInstanceOfSatisfying(DuplicateHotelException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone");
                    assertThat(e.code()).isEqualTo("DUPLICATE_HOTEL");
                });
        assertThat(count("hotels")).isEqualTo(1);
    }

    @Test
    void refuses_a_hotel_whose_name_city_and_country_differ_only_in_case() {
        db.addHotel(hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 4));

        assertThatThrownBy(() -> db.addHotel(hotelDetails("HOTEL AZUL", "lisbon", "PORTUGAL", "+351210000002", 3)))
                .isInstanceOfSatisfying(DuplicateHotelException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.code()).isEqualTo("DUPLICATE_HOTEL");
                });
        assertThat(count("hotels")).isEqualTo(1);
    }

    @Test
    void allows_the_same_name_in_another_city() {
        db.addHotel(hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 4));
        Hotel porto = db.addHotel(hotelDetails("Hotel Azul", "Porto", "Portugal", "+351220000001", 4));

        assertThat(db.hotels.find(porto.id())).isPresent();
        assertThat(count("hotels")).isEqualTo(2);
    }

    @Test
    void update_at_the_current_version_stores_the_hotel_one_version_further() {
        Hotel hotel = db.addHotel();
        Hotel changed = db.changed(hotel, hotelPatch("Hotel Azul Mar", "+351210000009"));

        db.write(() -> db.hotels.update(changed, Version.INITIAL));

        Hotel stored = db.hotels.find(hotel.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(new Version(2));
        assertThat(stored.details()).isEqualTo(changed.details());
        assertThat(stored.updatedAt()).isEqualTo(changed.updatedAt()).isAfter(hotel.updatedAt());
        assertThat(stored.createdAt()).isEqualTo(hotel.createdAt());
        assertThat(stored.details().name()).isEqualTo("Hotel Azul Mar");
        assertThat(stored.details().phone().value()).isEqualTo("+351210000009");
    }

    @Test
    void update_at_a_stale_version_is_a_version_conflict_and_keeps_the_stored_hotel() {
        Hotel hotel = db.addHotel();
        db.write(() -> db.hotels.update(db.changed(hotel, hotelPatch("First Writer", null)), Version.INITIAL));
        Hotel late = db.changed(hotel, hotelPatch("Second Writer", null));

        assertThatThrownBy(() -> db.write(() -> db.hotels.update(late, Version.INITIAL)))
                .isInstanceOfSatisfying(VersionConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("VERSION_CONFLICT"));

        Hotel found = db.hotels.find(hotel.id()).orElseThrow();
        assertThat(found.version()).isEqualTo(new Version(2));
        assertThat(found.details().name()).isEqualTo("First Writer");
    }

    @Test
    void update_of_a_missing_hotel_is_not_found() {
        Hotel hotel = db.addHotel();
        Hotel ghost = Hotel.restore(new HotelId(hotel.id().value() + 100), hotel.details(), Version.INITIAL,
                hotel.createdAt(), hotel.updatedAt());

        assertThatThrownBy(() -> db.write(() -> db.hotels.update(ghost, Version.INITIAL)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void update_that_takes_another_hotels_phone_is_a_duplicate() {
        db.addHotel(hotelDetails("Hotel Azul", "+351210000001"));
        Hotel verde = db.addHotel(hotelDetails("Hotel Verde", "+351210000002"));

        assertThatThrownBy(() -> db.write(() ->
                db.hotels.update(db.changed(verde, hotelPatch(null, "+351210000001")), Version.INITIAL)))
                .isInstanceOfSatisfying(DuplicateHotelException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThat(db.hotels.find(verde.id()).orElseThrow().details().phone().value()).isEqualTo("+351210000002");
    }

    @Test
    void remove_at_the_current_version_deletes_the_hotel() {
        Hotel hotel = db.addHotel();

        db.write(() -> db.hotels.remove(hotel.id(), Version.INITIAL));

        assertThat(db.hotels.find(hotel.id())).isEmpty();
        assertThat(count("hotels")).isZero();
    }

    @Test
    void remove_at_a_stale_version_is_a_version_conflict() {
        Hotel hotel = db.addHotel();
        db.write(() -> db.hotels.update(db.changed(hotel, hotelPatch("Renamed", null)), Version.INITIAL));

        assertThatThrownBy(() -> db.write(() -> db.hotels.remove(hotel.id(), Version.INITIAL)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(db.hotels.find(hotel.id())).isPresent();
    }

    @Test
    void remove_of_a_missing_hotel_is_not_found() {
        assertThatThrownBy(() -> db.write(() -> db.hotels.remove(new HotelId(4242), Version.INITIAL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void remove_while_a_deal_references_the_hotel_is_refused_and_keeps_it() {
        Hotel hotel = db.addHotel();
        db.addDeal(draft(hotel.id().value()).build());

        assertThatThrownBy(() -> db.write(() -> db.hotels.remove(hotel.id(), Version.INITIAL)))
                .isInstanceOfSatisfying(HotelHasDealsException.class,
                        e -> assertThat(e.code()).isEqualTo("HOTEL_HAS_DEALS"));

        assertThat(db.hotels.find(hotel.id())).isPresent();
        assertThat(count("deals")).isEqualTo(1);
    }
}
