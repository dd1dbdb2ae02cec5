package io.deals.bootstrap;

import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.deal.DuplicateExternalRefException;
import io.deals.domain.deal.UnknownHotelException;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.PatchValue;
import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases as a Java program embedding Deals sees them: a DataSource in, no HTTP. */
class EmbeddingFacadeIT extends EmbeddedDealsTestBase {

    @Test
    void an_embedding_program_creates_reads_and_changes_hotels_and_deals() {
        HotelView hotel = deals.createHotel().create(new CreateHotelCommand(
                new HotelDraft("Harbour View", "Toronto", "Canada", "+1 (416) 555-0100", 4)));
        assertThat(hotel.version()).isEqualTo(1);
        assertThat(deals.hotels().find(new HotelId(hotel.id()))).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("Harbour View");
            assertThat(found.phone()).isEqualTo("+14165550100");
        });

        DealView created = deals.createDeal().create(new CreateDealCommand(draft(hotel, "D-1")));
        assertThat(created.discountPercent()).isEqualTo(35);
        assertThat(created.categories()).containsExactly("beach", "family");
        assertThat(created.nights()).isEqualTo(3);
        assertThat(created.hotel().id()).isEqualTo(hotel.id());
        DealId dealId = new DealId(created.id());
        assertThat(deals.deals().find(dealId)).hasValue(created);

        DealPatch cheaper = new DealPatch(PatchValue.absent(), PatchValue.absent(),
                PatchValue.of(new BigDecimal("99.99")), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
                PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent());
        DealView changed = deals.changeDeal().change(new ChangeDealCommand(dealId, Version.INITIAL, cheaper));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.pricePerNight()).isEqualByComparingTo("99.99");
        assertThat(changed.discountPercent()).isEqualTo(50);
        assertThat(deals.deals().find(dealId)).hasValueSatisfying(found -> assertThat(found.version()).isEqualTo(2));

        DealPatch suite = new DealPatch(PatchValue.absent(), PatchValue.of("Suite"), PatchValue.absent(),
                PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
                PatchValue.absent(), PatchValue.absent(), PatchValue.absent());
        assertThatThrownBy(() -> deals.changeDeal().change(new ChangeDealCommand(dealId, Version.INITIAL, suite)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(deals.deals().find(dealId)).hasValueSatisfying(found -> {
            assertThat(found.roomType()).isEqualTo("Deluxe");
            assertThat(found.version()).isEqualTo(2);
        });

        assertThatThrownBy(() -> deals.deleteDeal().delete(new DeleteDealCommand(dealId, Version.INITIAL)))
                .isInstanceOf(VersionConflictException.class);
        deals.deleteDeal().delete(new DeleteDealCommand(dealId, new Version(2)));
        assertThat(deals.deals().find(dealId)).isEmpty();
    }

    @Test
    void an_embedding_program_gets_the_domain_exceptions() {
        HotelView hotel = deals.createHotel().create(new CreateHotelCommand(
                new HotelDraft("Harbour View", "Toronto", "Canada", "+14165550100", 4)));
        deals.createDeal().create(new CreateDealCommand(draft(hotel, "D-1")));

        assertThatThrownBy(() -> deals.createDeal().create(new CreateDealCommand(draft(hotel, "D-1"))))
                .isInstanceOf(DuplicateExternalRefException.class);
        assertThatThrownBy(() -> deals.createDeal().create(new CreateDealCommand(new DealDraft(999_999L, "Deluxe",
                new BigDecimal("1"), new BigDecimal("2"), null, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2),
                null, null, null))))
                .isInstanceOf(UnknownHotelException.class);
        assertThatThrownBy(() -> deals.createDeal().create(new CreateDealCommand(new DealDraft(hotel.id(), " ",
                new BigDecimal("-1"), new BigDecimal("2"), null, LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 1),
                null, null, null))))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting(v -> v.field() + ":" + v.code())
                        .contains("room_type:required", "price_per_night:must_be_positive",
                                "checkout_date:checkout_not_after_checkin"));
    }

    private static DealDraft draft(HotelView hotel, String externalRef) {
        return new DealDraft(hotel.id(), "Deluxe", new BigDecimal("129.99"), new BigDecimal("199.99"), null,
                LocalDate.of(2027, 12, 1), LocalDate.of(2027, 12, 4), true, List.of(" Family ", "beach", "BEACH"),
                externalRef);
    }
}
