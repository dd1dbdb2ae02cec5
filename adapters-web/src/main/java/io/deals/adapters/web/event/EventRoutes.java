package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.in.EventQueries;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.util.Set;
import java.util.StringJoiner;

/** {@code GET /events}: the feed in commit order, a page at a time. */
public final class EventRoutes implements RouteGroup {

    private static final Set<String> PARAMETERS = QueryParams.names(EventFilterReader.PARAMETERS, Set.of("after", "limit"));
    private static final int DEFAULT_LIMIT = 100;

    private final EventQueries queries;

    @Inject
    public EventRoutes(EventQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Router router) {
        router.get("/events", this::page);
    }

    private Object page(Request request, Response response) {
        QueryParams params = new QueryParams(request.raw().getQueryString(), PARAMETERS, EventFilterReader.REPEATABLE);
        Long after = params.wholeNumber("after", 0);
        Integer limit = params.integer("limit", 1, EventQueries.MAX_LIMIT);
        EventFilter filter = EventFilterReader.read(params);
        params.throwIfInvalid();
        EventPage page = queries.page(after, limit == null ? DEFAULT_LIMIT : limit, filter);
        // Each item is the event's one CloudEvent text as it is, never parsed and written again.
        StringJoiner body = new StringJoiner(",", "{\"items\":[", "],\"next_after\":" + page.nextAfter() + "}");
        page.items().forEach(event -> body.add(event.cloudEvent()));
        return Responses.rawJson(response, 200, body.toString());
    }
}
