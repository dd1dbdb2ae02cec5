package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.HotelSummary;
import io.deals.application.deal.port.in.PricePeriod;
import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealId;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.shared.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.hotelDetails;
import static io.deals.adapters.persistence.PersistenceFixture.patch;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code DealSearch}: a deal as readers see it, built in SQL. */
class DealSearchIT {

    private final PersistenceFixture db = new PersistenceFixture();

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void find_returns_the_view_with_its_hotel_nights_and_sorted_categories() {
        Hotel hotel = db.addHotel(hotelDetails("Hotel Azul", "Lisbon", "Portugal", "+351210000001", 5));
        Deal deal = db.addDeal(draft(hotel.id().value()).categories("spa", "Beach", "family").build());

        DealView view = db.search.find(deal.id()).orElseThrow();

        assertThat(view.id()).isEqualTo(deal.id().value());
        assertThat(view.externalRef()).isEqualTo("EXT-1");
        assertThat(view.hotel()).isEqualTo(new HotelSummary(hotel.id().value(), "Hotel Azul", "Lisbon", "Portugal", 5));
        assertThat(view.roomType()).isEqualTo("Deluxe Double");
        assertThat(view.pricePerNight()).isEqualTo(new BigDecimal("129.99"));
        assertThat(view.originalPrice()).isEqualTo(new BigDecimal("199.99"));
        assertThat(view.discountPercent()).isEqualTo(35);
        assertThat(view.checkinDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(view.checkoutDate()).isEqualTo(LocalDate.of(2026, 6, 4));
        assertThat(view.nights()).isEqualTo(3);
        assertThat(view.available()).isTrue();
        assertThat(view.categories()).containsExactly("beach", "family", "spa");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.createdAt()).isEqualTo(deal.createdAt());
        assertThat(view.updatedAt()).isEqualTo(deal.updatedAt());
    }

    @Test
    void find_shows_the_deal_as_last_stored() {
        Hotel hotel = db.addHotel();
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().pricePerNight("99.99").categories());
        db.write(() -> db.deals.update(changed, Version.INITIAL));

        DealView view = db.search.find(deal.id()).orElseThrow();

        assertThat(view.pricePerNight()).isEqualTo(new BigDecimal("99.99"));
        assertThat(view.discountPercent()).isEqualTo(50);
        assertThat(view.categories()).isEmpty();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(changed.updatedAt());
    }

    @Test
    void price_history_lists_every_period_oldest_first_with_the_current_one_open() {
        Hotel hotel = db.addHotel();
        Deal deal = db.addDeal(draft(hotel.id().value()).build());
        Deal changed = db.changed(deal, patch().pricePerNight("99.99"));
        db.write(() -> db.deals.update(changed, Version.INITIAL));

        List<PricePeriod> history = db.search.priceHistory(deal.id()).orElseThrow();

        assertThat(history).extracting(PricePeriod::pricePerNight)
                .containsExactly(new BigDecimal("129.99"), new BigDecimal("99.99"));
        assertThat(history.get(0).validFrom()).isEqualTo(deal.createdAt());
        assertThat(history.get(0).validTo()).isEqualTo(changed.updatedAt());
        assertThat(history.get(1).validFrom()).isEqualTo(changed.updatedAt());
        assertThat(history.get(1).validTo()).isNull();
        assertThat(history.get(1).discountPercent()).isEqualTo(50);
    }

    @Test
    void price_history_of_an_unknown_deal_is_empty() {
        assertThat(db.search.priceHistory(new DealId(4242))).isEmpty();
    }

    @Test
    void find_of_an_unknown_deal_is_empty() {
        assertThat(db.search.find(new DealId(4242))).isEmpty();
    }
}
