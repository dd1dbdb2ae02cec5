package io.deals.adapters.web.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchedRouteTest {

    @Test
    void path_parameters_are_written_as_openapi_writes_them() {
        assertThat(route("/deals/:id").openApiPath()).isEqualTo("/deals/{id}");
        assertThat(route("/deals/:id/price-history").openApiPath()).isEqualTo("/deals/{id}/price-history");
        assertThat(route("/a/:first/b/:second_id").openApiPath()).isEqualTo("/a/{first}/b/{second_id}");
    }

    @Test
    void a_template_without_parameters_is_its_own_path() {
        assertThat(route("/deals/stats").openApiPath()).isEqualTo("/deals/stats");
        assertThat(route("/").openApiPath()).isEqualTo("/");
    }

    private static MatchedRoute route(String template) {
        return new MatchedRoute("GET", template, RouteAccess.READ);
    }
}
