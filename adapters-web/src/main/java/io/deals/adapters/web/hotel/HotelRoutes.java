package io.deals.adapters.web.hotel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.adapters.web.shared.Cursors;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.IdempotencyHeader;
import io.deals.adapters.web.shared.JsonBodies;
import io.deals.adapters.web.shared.JsonInput;
import io.deals.adapters.web.shared.Paging;
import io.deals.adapters.web.shared.PathIds;
import io.deals.adapters.web.shared.Preconditions;
import io.deals.adapters.web.shared.Preconditions.ExpectedVersion;
import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.hotel.port.in.ChangeHotelCommand;
import io.deals.application.hotel.port.in.ChangeHotelUseCase;
import io.deals.application.hotel.port.in.CreateHotelUseCase;
import io.deals.application.hotel.port.in.DeleteHotelCommand;
import io.deals.application.hotel.port.in.DeleteHotelUseCase;
import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelQueries;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.shared.port.in.PageRequest;
import io.deals.domain.hotel.HotelId;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.util.Set;

/** {@code /hotels}: create, read, merge-patch and delete, with versions as ETags. */
public final class HotelRoutes implements RouteGroup {

    private static final Set<String> LIST_PARAMETERS =
            QueryParams.names(Set.of("city", "country", "min_stars"), Paging.PARAMETERS);

    private final CreateHotelUseCase creator;
    private final ChangeHotelUseCase changer;
    private final DeleteHotelUseCase deleter;
    private final HotelQueries queries;
    private final JsonBodies bodies;
    private final Paging paging;
    private final Responses responses;
    private final HotelJson representation;

    @Inject
    public HotelRoutes(CreateHotelUseCase creator, ChangeHotelUseCase changer, DeleteHotelUseCase deleter,
                       HotelQueries queries, JsonBodies bodies, Paging paging, Responses responses,
                       HotelJson representation) {
        this.creator = creator;
        this.changer = changer;
        this.deleter = deleter;
        this.queries = queries;
        this.bodies = bodies;
        this.paging = paging;
        this.responses = responses;
        this.representation = representation;
    }

    @Override
    public void register(Router router) {
        router.post("/hotels", this::create);
        router.get("/hotels", this::list);
        router.get("/hotels/:id", this::get);
        router.patch("/hotels/:id", this::change);
        router.delete("/hotels/:id", this::delete);
    }

    private Object create(Request request, Response response) {
        QueryParams.refuseAny(request);
        ObjectNode json = bodies.readObject(request, JsonBodies.JSON);
        JsonInput in = new JsonInput(json, CreateHotelRequest.FIELDS, HotelResponse.READ_ONLY_ON_CREATE);
        CreateHotelRequest body = CreateHotelRequest.read(in);
        HotelView hotel = creator.create(body.toCommand(IdempotencyHeader.read(request, "hotels", json), in.errors()));
        response.header("Location", "/hotels/" + hotel.id());
        return represent(response, 201, hotel);
    }

    private Object list(Request request, Response response) {
        QueryParams params = new QueryParams(request.raw().getQueryString(), LIST_PARAMETERS, Set.of());
        HotelFilter filter = new HotelFilter(params.text("city"), params.text("country"), params.integer("min_stars", 1, 5));
        String binding = Cursors.binding("hotels", filter.city(), filter.country(), filter.minStars());
        PageRequest page = paging.read(params, binding);
        return responses.json(response, 200, paging.respond(request, response, page, queries.list(filter, page), binding,
                HotelResponse::from));
    }

    private Object get(Request request, Response response) {
        QueryParams.refuseAny(request);
        HotelId id = new HotelId(PathIds.id(request, "hotel"));
        HotelView hotel = queries.find(id).orElseThrow(() -> HttpProblem.notFound("hotel " + id + " does not exist"));
        return Preconditions.current(request, response, hotel.version(), () -> represent(response, 200, hotel));
    }

    private Object change(Request request, Response response) {
        QueryParams.refuseAny(request);
        HotelId id = new HotelId(PathIds.id(request, "hotel"));
        JsonInput in = new JsonInput(bodies.readObject(request, JsonBodies.MERGE_PATCH), ChangeHotelRequest.FIELDS,
                HotelResponse.READ_ONLY_ON_PATCH);
        ChangeHotelRequest body = ChangeHotelRequest.read(in);
        ExpectedVersion expected = Preconditions.forChange(request, body.version());
        ChangeHotelCommand command = body.toCommand(id, expected.version(), in.errors());
        return represent(response, 200, expected.attempt(() -> changer.change(command)));
    }

    private Object delete(Request request, Response response) {
        QueryParams.refuseAny(request);
        HotelId id = new HotelId(PathIds.id(request, "hotel"));
        return Preconditions.delete(request, response, expected -> deleter.delete(new DeleteHotelCommand(id, expected)));
    }

    private String represent(Response response, int status, HotelView hotel) {
        Preconditions.tag(response, hotel.version());
        return Responses.rawJson(response, status, representation.of(hotel));
    }
}
