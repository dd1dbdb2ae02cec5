package io.deals.adapters.web.deal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.adapters.web.shared.JsonMappers;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealRepresentation;
import jakarta.inject.Inject;

/** A deal's JSON: {@link DealResponse} written by the API's mapper, exactly as a route writes it. */
public final class DealJson implements DealRepresentation {

    private final ObjectMapper json;

    @Inject
    DealJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String of(DealView deal) {
        return JsonMappers.write(json, DealResponse.from(deal));
    }
}
