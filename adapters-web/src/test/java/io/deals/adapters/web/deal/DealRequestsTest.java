package io.deals.adapters.web.deal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.deal.DealId;
import io.deals.domain.deal.DealPatch;
import io.deals.domain.shared.PatchValue;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bodies of {@code POST /deals} and {@code PATCH /deals/{id}}, read and turned into their commands. */
class DealRequestsTest {

    private static final DealId ID = new DealId(7);
    private static final Version V3 = new Version(3);

    private static JsonInput input(String json, Set<String> fields, Set<String> readOnly) throws Exception {
        return new JsonInput((ObjectNode) JsonMappers.api().readTree(json), fields, readOnly);
    }

    private static ChangeDealCommand patch(String json) throws Exception {
        JsonInput in = input(json, ChangeDealRequest.FIELDS, DealResponse.READ_ONLY_ON_PATCH);
        return ChangeDealRequest.read(in).toCommand(ID, V3, in.errors());
    }

    @Test
    void a_patch_keeps_absent_null_and_a_value_apart() throws Exception {
        ChangeDealCommand command = patch("""
                {"room_type": "Suite", "external_ref": null, "discount_percent": 40, "categories": ["spa"]}""");

        DealPatch patch = command.patch();
        assertThat(patch.roomType()).isEqualTo(PatchValue.of("Suite"));
        assertThat(patch.externalRef()).isEqualTo(PatchValue.of(null));
        assertThat(patch.discountPercent()).isEqualTo(PatchValue.of(40));
        assertThat(patch.categories()).isEqualTo(PatchValue.of(List.of("spa")));
        assertThat(List.of(patch.hotelId(), patch.pricePerNight(), patch.originalPrice(), patch.checkinDate(),
                patch.checkoutDate(), patch.available())).containsOnly(PatchValue.absent());
        assertThat(command.id()).isEqualTo(ID);
        assertThat(command.expectedVersion()).isEqualTo(V3);
        assertThat(command.fieldErrors().violations()).isEmpty();
    }

    @Test
    void a_patch_reads_every_field_with_its_type() throws Exception {
        DealPatch patch = patch("""
                {"hotel_id": 12, "price_per_night": 99.90, "original_price": 150, "checkin_date": "2027-12-01",
                 "checkout_date": "2027-12-04", "is_available": false}""").patch();

        assertThat(patch.hotelId()).isEqualTo(PatchValue.of(12L));
        assertThat(patch.pricePerNight().value()).isEqualByComparingTo("99.90");
        assertThat(patch.originalPrice().value()).isEqualByComparingTo("150");
        assertThat(patch.checkinDate()).isEqualTo(PatchValue.of(LocalDate.of(2027, 12, 1)));
        assertThat(patch.checkoutDate()).isEqualTo(PatchValue.of(LocalDate.of(2027, 12, 4)));
        assertThat(patch.available()).isEqualTo(PatchValue.of(false));
    }

    @Test
    void a_patch_carries_its_mistyped_unknown_and_read_only_fields_into_the_command() throws Exception {
        ChangeDealCommand command = patch("""
                {"price_per_night": "cheap", "checkin_date": "01/12/2027", "colour": "red", "nights": 3,
                 "room_type": "Suite"}""");

        assertThat(command.fieldErrors().violations()).extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("colour", "unknown_field"),
                        tuple("nights", "read_only"),
                        tuple("price_per_night", "invalid_type"),
                        tuple("checkin_date", "invalid_type"));
        // A field that could not be read changes nothing; the readable ones are kept for the domain's rules.
        assertThat(command.patch().pricePerNight()).isEqualTo(PatchValue.absent());
        assertThat(command.patch().checkinDate()).isEqualTo(PatchValue.absent());
        assertThat(command.patch().roomType()).isEqualTo(PatchValue.of("Suite"));
    }

    @Test
    void a_patch_names_the_version_it_was_made_from_outside_the_patch() throws Exception {
        JsonInput in = input("{\"version\": 4, \"room_type\": \"Suite\"}", ChangeDealRequest.FIELDS,
                DealResponse.READ_ONLY_ON_PATCH);

        ChangeDealRequest body = ChangeDealRequest.read(in);

        assertThat(body.version()).isEqualTo(4L);
        assertThat(in.errors().violations()).isEmpty();
    }

    @Test
    void a_create_reads_its_draft_with_absent_and_null_alike() throws Exception {
        JsonInput in = input("""
                {"hotel_id": 12, "room_type": "Deluxe", "price_per_night": 129.99, "original_price": 199.99,
                 "checkin_date": "2027-12-01", "checkout_date": "2027-12-04", "categories": ["beach"],
                 "external_ref": null}""", CreateDealRequest.FIELDS, DealResponse.READ_ONLY_ON_CREATE);
        IdempotencyKey key = new IdempotencyKey("deals", "k-1", "fingerprint");

        CreateDealCommand command = CreateDealRequest.read(in).toCommand(key, in.errors());

        assertThat(command.draft()).isEqualTo(new DealDraft(12L, "Deluxe", new BigDecimal("129.99"),
                new BigDecimal("199.99"), null, LocalDate.of(2027, 12, 1), LocalDate.of(2027, 12, 4), null,
                List.of("beach"), null));
        assertThat(command.idempotencyKey()).isEqualTo(key);
        assertThat(command.fieldErrors().violations()).isEmpty();
    }

    @Test
    void a_create_carries_its_mistyped_and_read_only_fields_into_the_command() throws Exception {
        JsonInput in = input("""
                {"hotel_id": "twelve", "room_type": "Deluxe", "is_available": "yes", "id": 5}""",
                CreateDealRequest.FIELDS, DealResponse.READ_ONLY_ON_CREATE);

        CreateDealCommand command = CreateDealRequest.read(in).toCommand(null, in.errors());

        assertThat(command.fieldErrors().violations()).extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("id", "read_only"),
                        tuple("hotel_id", "invalid_type"),
                        tuple("is_available", "invalid_type"));
        assertThat(command.draft().hotelId()).isNull();
        assertThat(command.draft().roomType()).isEqualTo("Deluxe");
    }
}
