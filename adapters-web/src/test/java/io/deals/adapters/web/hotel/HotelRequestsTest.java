package io.deals.adapters.web.hotel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.hotel.port.in.ChangeHotelCommand;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.hotel.HotelPatch;
import io.deals.domain.shared.PatchValue;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bodies of {@code POST /hotels} and {@code PATCH /hotels/{id}}, read and turned into their commands. */
class HotelRequestsTest {

    private static JsonInput input(String json, Set<String> fields, Set<String> readOnly) throws Exception {
        return new JsonInput((ObjectNode) JsonMappers.api().readTree(json), fields, readOnly);
    }

    @Test
    void a_patch_keeps_absent_null_and_a_value_apart_and_carries_what_it_could_not_read() throws Exception {
        JsonInput in = input("""
                {"name": "Harbour Grand", "phone": null, "star_rating": "five", "id": 9, "version": 2}""",
                ChangeHotelRequest.FIELDS, HotelResponse.READ_ONLY_ON_PATCH);
        ChangeHotelRequest body = ChangeHotelRequest.read(in);

        ChangeHotelCommand command = body.toCommand(new HotelId(9), new Version(2), in.errors());

        assertThat(command.patch()).isEqualTo(new HotelPatch(PatchValue.of("Harbour Grand"), PatchValue.absent(),
                PatchValue.absent(), PatchValue.of(null), PatchValue.absent()));
        assertThat(command.fieldErrors().violations()).extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("id", "read_only"), tuple("star_rating", "invalid_type"));
        assertThat(body.version()).isEqualTo(2L);
    }

    @Test
    void a_create_reads_its_draft_and_carries_what_it_could_not_read() throws Exception {
        JsonInput in = input("""
                {"name": "Harbour View", "city": "Toronto", "country": 7, "phone": "+14165550100",
                 "star_rating": 4, "colour": "red"}""", CreateHotelRequest.FIELDS, HotelResponse.READ_ONLY_ON_CREATE);

        CreateHotelCommand command = CreateHotelRequest.read(in).toCommand(null, in.errors());

        assertThat(command.draft()).isEqualTo(new HotelDraft("Harbour View", "Toronto", null, "+14165550100", 4));
        assertThat(command.fieldErrors().violations()).extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("country", "invalid_type"), tuple("colour", "unknown_field"));
    }
}
