package io.deals.adapters.web.access;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @Test
    void a_list_is_read_from_space_separated_names_and_written_back_in_one_order() {
        assertThat(Scope.parseList(" deals:import  deals:write ")).containsExactlyInAnyOrder(Scope.WRITE, Scope.IMPORT);
        assertThat(Scope.listOf(EnumSet.of(Scope.IMPORT, Scope.WRITE))).isEqualTo("deals:write deals:import");
        assertThat(Scope.parseList(Scope.listOf(EnumSet.allOf(Scope.class)))).isEqualTo(EnumSet.allOf(Scope.class));
    }

    @Test
    void refuses_an_unknown_scope_or_none_naming_the_known_ones() {
        assertThatThrownBy(() -> Scope.parseList("deals:write deals:admin")).hasMessageContaining("'deals:admin'")
                .hasMessageContaining("deals:read deals:write deals:import");
        assertThatThrownBy(() -> Scope.parseList("  ")).hasMessageContaining("at least one scope");
    }
}
