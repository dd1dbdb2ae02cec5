package io.deals.adapters.persistence.hotel;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.deals.adapters.persistence.PersistenceFixture.hotelDetails;
import static io.deals.adapters.persistence.PersistenceFixture.hotelPatch;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code HotelSearch.find}: a hotel read as its view, as GET and events show it (listing: DealListStatementsIT). */
class HotelSearchIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void find_reads_every_field_of_the_stored_hotel() {
        Hotel hotel = db.addHotel(hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 5));
        Hotel changed = db.changed(hotel, hotelPatch("Hotel Azul Mar", null));
        db.write(() -> db.hotels.update(changed, Version.INITIAL));

        HotelView view = db.inTx(() -> db.hotelSearch.find(hotel.id())).orElseThrow();

        assertThat(view).isEqualTo(new HotelView(hotel.id().value(), "Hotel Azul Mar", "Lisbon", "Portugal",
                "+351210000001", 5, 2, hotel.createdAt(), changed.updatedAt()));
    }

    @Test
    void find_of_an_unknown_hotel_is_empty() {
        assertThat(db.inTx(() -> db.hotelSearch.find(new HotelId(4242)))).isEmpty();
    }
}
