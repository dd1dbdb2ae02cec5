package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.ErrorDetail;
import io.deals.adapters.web.shared.HttpProblem;
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
import java.util.List;
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
        params.throwIfInvalid();
        Long lastEventId = lastEventId(request.headers(LAST_EVENT_ID));
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

    /** A reconnecting client's last event id, which wins over {@code after}: a seq, as the stream's ids are. */
    private static Long lastEventId(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seq = Long.parseLong(header);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below, as a negative one is.
        }
        throw new HttpProblem(400, "BAD_REQUEST", LAST_EVENT_ID + " must be the id of an event of this stream",
                List.of(new ErrorDetail(LAST_EVENT_ID, "invalid", "must be a whole number from 0 to " + Long.MAX_VALUE)));
    }
}
