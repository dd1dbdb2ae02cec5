package io.deals.adapters.web.deal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.IdempotencyHeader;
import io.deals.adapters.web.shared.JsonBodies;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.PathIds;
import io.deals.adapters.web.shared.Preconditions;
import io.deals.adapters.web.shared.Preconditions.ExpectedVersion;
import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.ChangeDealUseCase;
import io.deals.application.deal.port.in.CreateDealUseCase;
import io.deals.application.deal.port.in.DealQueries;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.in.DeleteDealCommand;
import io.deals.application.deal.port.in.DeleteDealUseCase;
import io.deals.domain.deal.DealId;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

/** {@code /deals}: create, read, merge-patch and delete, with versions as ETags. */
public final class DealRoutes implements RouteGroup {

    private final CreateDealUseCase creator;
    private final ChangeDealUseCase changer;
    private final DeleteDealUseCase deleter;
    private final DealQueries queries;
    private final JsonBodies bodies;
    private final Responses responses;
    private final DealJson representation;

    @Inject
    public DealRoutes(CreateDealUseCase creator, ChangeDealUseCase changer, DeleteDealUseCase deleter,
                      DealQueries queries, JsonBodies bodies, Responses responses, DealJson representation) {
        this.creator = creator;
        this.changer = changer;
        this.deleter = deleter;
        this.queries = queries;
        this.bodies = bodies;
        this.responses = responses;
        this.representation = representation;
    }

    @Override
    public void register(Router router) {
        router.post("/deals", this::create);
        router.get("/deals/:id", this::get);
        router.get("/deals/:id/price-history", this::priceHistory);
        router.patch("/deals/:id", this::change);
        router.delete("/deals/:id", this::delete);
    }

    private Object create(Request request, Response response) {
        QueryParams.refuseAny(request);
        ObjectNode json = bodies.readObject(request, JsonBodies.JSON);
        JsonInput in = new JsonInput(json, CreateDealRequest.FIELDS, DealResponse.READ_ONLY_ON_CREATE);
        CreateDealRequest body = CreateDealRequest.read(in);
        DealView deal = creator.create(body.toCommand(IdempotencyHeader.read(request, "deals", json), in.errors()));
        response.header("Location", "/deals/" + deal.id());
        return represent(response, 201, deal);
    }

    private Object get(Request request, Response response) {
        QueryParams.refuseAny(request);
        DealId id = new DealId(PathIds.id(request, "deal"));
        DealView deal = queries.find(id).orElseThrow(() -> HttpProblem.notFound("deal " + id + " does not exist"));
        return Preconditions.current(request, response, deal.version(), () -> represent(response, 200, deal));
    }

    private Object priceHistory(Request request, Response response) {
        QueryParams.refuseAny(request);
        DealId id = new DealId(PathIds.id(request, "deal"));
        return queries.priceHistory(id)
                .map(periods -> responses.json(response, 200, PriceHistoryResponse.from(periods)))
                .orElseThrow(() -> HttpProblem.notFound("deal " + id + " does not exist"));
    }

    private Object change(Request request, Response response) {
        QueryParams.refuseAny(request);
        DealId id = new DealId(PathIds.id(request, "deal"));
        JsonInput in = new JsonInput(bodies.readObject(request, JsonBodies.MERGE_PATCH), ChangeDealRequest.FIELDS,
                DealResponse.READ_ONLY_ON_PATCH);
        ChangeDealRequest body = ChangeDealRequest.read(in);
        ExpectedVersion expected = Preconditions.forChange(request, body.version());
        ChangeDealCommand command = body.toCommand(id, expected.version(), in.errors());
        return represent(response, 200, expected.attempt(() -> changer.change(command)));
    }

    private Object delete(Request request, Response response) {
        QueryParams.refuseAny(request);
        DealId id = new DealId(PathIds.id(request, "deal"));
        return Preconditions.delete(request, response, expected -> deleter.delete(new DeleteDealCommand(id, expected)));
    }

    private String represent(Response response, int status, DealView deal) {
        Preconditions.tag(response, deal.version());
        return Responses.rawJson(response, status, representation.of(deal));
    }
}
