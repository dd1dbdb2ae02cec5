package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.OpenStreams;
import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventStreamQueries;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Set;

/**
 * {@code GET /events/stream}: the feed as Server-Sent Events, pushed as events commit. A stream
 * holds neither a request thread nor a database connection while it is open.
 */
public final class EventStreamRoutes implements RouteGroup {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Set<String> PARAMETERS = QueryParams.names(EventFilterReader.PARAMETERS, Set.of("after"));

    private final EventStreamQueries subscriptions;
    private final OpenStreams streams;

    @Inject
    public EventStreamRoutes(EventStreamQueries subscriptions, OpenStreams streams) {
        this.subscriptions = subscriptions;
        this.streams = streams;
    }

    @Override
    public void register(Router router) {
        router.get("/events/stream", this::stream);
    }

    private Object stream(Request request, Response response) {
        QueryParams params = new QueryParams(request.raw().getQueryString(), PARAMETERS, EventFilterReader.REPEATABLE);
        Long after = params.wholeNumber("after", 0);
        EventFilter filter = EventFilterReader.read(params);
        // A reconnecting client's last event id (a seq, as the stream's ids are) wins over after.
        Long lastEventId = params.wholeNumber(LAST_EVENT_ID, request.headers(LAST_EVENT_ID), 0);
        params.throwIfInvalid();
        SseStream stream = new SseStream(streams);
        // Before anything is sent, so that a position retention has passed is an ordinary 410.
        EventSubscription subscription = subscriptions.subscribe(lastEventId == null ? after : lastEventId, filter, stream);
        try {
            stream.open(request.raw(), response.raw(), subscription);
        } catch (IOException clientGone) {
            subscription.close();
        } catch (RuntimeException failure) {
            subscription.close();
            throw failure;
        }
        return "";
    }
}
