package io.deals.domain.hotel;

import io.deals.domain.shared.Change;
import io.deals.domain.shared.PatchValue;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.deals.domain.shared.DomainAssertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HotelTest {

    private static final HotelId ID = new HotelId(42);
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-02-01T10:00:00Z");

    private static final HotelDraft DRAFT = new HotelDraft("  Grand Hotel ", "Toronto", " Canada", "+1 (416) 555-0100", 4);

    private static Hotel hotel() {
        return Hotel.create(ID, Hotel.validate(DRAFT), CREATED).after();
    }

    private static HotelPatch patch(PatchValue<String> name, PatchValue<Integer> stars) {
        return new HotelPatch(name, PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), stars);
    }

    private static final HotelPatch EMPTY = patch(PatchValue.absent(), PatchValue.absent());

    @Test
    void validate_trims_texts_and_normalizes_the_phone() {
        HotelDetails details = Hotel.validate(DRAFT);

        assertThat(details).isEqualTo(new HotelDetails("Grand Hotel", "Toronto", "Canada",
                new Phone("+14165550100"), new StarRating(4)));
    }

    @Test
    void validate_reports_every_invalid_field_at_once() {
        HotelDraft draft = new HotelDraft("x".repeat(201), " ", "c".repeat(101), "12-34", 6);

        assertThat(violationsOf(() -> Hotel.validate(draft)))
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("name", "too_long"), tuple("city", "required"),
                        tuple("country", "too_long"), tuple("phone", "invalid_format"),
                        tuple("star_rating", "out_of_range"));
    }

    @Test
    void validate_refuses_a_nul_character_which_no_database_text_can_hold() {
        HotelDraft draft = new HotelDraft("Grand\u0000Hotel", "Toronto", "Canada", "+14165550100", 4);

        assertThat(violationsOf(() -> Hotel.validate(draft)))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "invalid_format"));
    }

    @Test
    void validate_accepts_texts_at_their_maximum_length() {
        HotelDetails details = Hotel.validate(new HotelDraft("n".repeat(200), "c".repeat(100), "k".repeat(100),
                "5550100", 1));

        assertThat(details.name()).hasSize(200);
        assertThat(details.country()).hasSize(100);
    }

    @Test
    void create_starts_at_the_initial_version_and_raises_created() {
        Change<Hotel> created = Hotel.create(ID, Hotel.validate(DRAFT), CREATED);

        Hotel hotel = created.after();
        assertThat(hotel.version()).isEqualTo(Version.INITIAL);
        assertThat(hotel.createdAt()).isEqualTo(CREATED);
        assertThat(hotel.updatedAt()).isEqualTo(CREATED);
        assertThat(created.events()).containsExactly(new HotelEvent.Created(ID, CREATED));
        assertThat(created.events().get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("deals.hotel.created");
            assertThat(e.aggregateType()).isEqualTo("hotel");
            assertThat(e.aggregateId()).isEqualTo(42L);
        });
    }

    @Test
    void empty_patch_keeps_the_same_hotel_and_raises_nothing() {
        Hotel hotel = hotel();

        Change<Hotel> change = hotel.change(EMPTY, NOW);

        assertThat(change.after()).isSameAs(hotel);
        assertThat(change.events()).isEmpty();
        assertThat(change.changedAnything()).isFalse();
    }

    @Test
    void patch_that_normalizes_to_the_current_values_changes_nothing() {
        Hotel hotel = hotel();
        HotelPatch sameValues = new HotelPatch(PatchValue.of(" Grand Hotel"), PatchValue.of("Toronto "),
                PatchValue.of("Canada"), PatchValue.of("+1 416.555.0100"), PatchValue.of(4));

        Change<Hotel> change = hotel.change(sameValues, NOW);

        assertThat(change.after()).isSameAs(hotel);
        assertThat(change.events()).isEmpty();
    }

    @Test
    void patch_changes_only_the_given_fields_and_raises_updated() {
        Hotel hotel = hotel();

        Change<Hotel> change = hotel.change(patch(PatchValue.of(" Royal "), PatchValue.of(5)), NOW);

        Hotel after = change.after();
        assertThat(after.details()).isEqualTo(new HotelDetails("Royal", "Toronto", "Canada",
                new Phone("+14165550100"), new StarRating(5)));
        assertThat(after.id()).isEqualTo(ID);
        assertThat(after.version()).isEqualTo(hotel.version());
        assertThat(after.createdAt()).isEqualTo(CREATED);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(change.events()).containsExactly(new HotelEvent.Updated(ID, NOW));
        assertThat(hotel.details().name()).as("the original is untouched").isEqualTo("Grand Hotel");
    }

    @Test
    void patch_normalizes_a_new_phone() {
        HotelPatch phone = new HotelPatch(PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
                PatchValue.of("+44 (20) 7946-0000"), PatchValue.absent());

        assertThat(hotel().change(phone, NOW).after().details().phone().value()).isEqualTo("+442079460000");
    }

    @Test
    void patch_removing_required_fields_reports_each_as_required() {
        HotelPatch removeAll = new HotelPatch(PatchValue.of(null), PatchValue.of(null), PatchValue.of(null),
                PatchValue.of(null), PatchValue.of(null));

        assertThat(violationsOf(() -> hotel().change(removeAll, NOW)))
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("name", "required"), tuple("city", "required"),
                        tuple("country", "required"), tuple("phone", "required"), tuple("star_rating", "required"));
    }

    @Test
    void patch_with_invalid_values_is_rejected_with_field_names() {
        assertThat(violationsOf(() -> hotel().change(patch(PatchValue.of(""), PatchValue.of(0)), NOW)))
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("name", "required"), tuple("star_rating", "out_of_range"));
    }

    @Test
    void delete_raises_deleted() {
        HotelEvent.Deleted deleted = hotel().delete(NOW);

        assertThat(deleted).isEqualTo(new HotelEvent.Deleted(ID, NOW));
        assertThat(deleted.type()).isEqualTo("deals.hotel.deleted");
    }
}
