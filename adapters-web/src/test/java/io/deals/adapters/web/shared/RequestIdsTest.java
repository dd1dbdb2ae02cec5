package io.deals.adapters.web.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Property
    void a_sane_client_id_is_kept_as_it_is(
            @ForAll @StringLength(min = 1, max = 64) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'.', '_', '-'}) String fromClient) {
        assertThat(RequestIds.acceptOrGenerate(fromClient)).isEqualTo(fromClient);
    }

    @Property
    void anything_else_is_replaced_by_a_fresh_id(@ForAll String fromClient) {
        boolean sane = fromClient.matches("[A-Za-z0-9._-]{1,64}");
        String id = RequestIds.acceptOrGenerate(fromClient);
        if (sane) {
            assertThat(id).isEqualTo(fromClient);
        } else {
            assertThat(UUID.fromString(id)).isNotNull();
        }
    }

    @Property
    void an_overlong_id_is_replaced(@ForAll @StringLength(min = 65, max = 200) @CharRange(from = 'a', to = 'z') String fromClient) {
        assertThat(RequestIds.acceptOrGenerate(fromClient)).isNotEqualTo(fromClient).hasSize(36);
    }
}
