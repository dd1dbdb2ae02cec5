package io.deals.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;
import spark.Request;
import spark.Response;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The paging every list shares: limit, offset with a total, or a signed cursor; next_cursor and Link. */
public final class Paging {

    public static final Set<String> PARAMETERS = Set.of("limit", "offset", "cursor", "include_total");
    private static final int DEFAULT_LIMIT = 20;

    private final Cursors cursors;

    public Paging(Cursors cursors) {
        this.cursors = cursors;
    }

    /** {@code {"items": [...], "page": {...}}} */
    public record PageResponse<T>(List<T> items, Info page) {
    }

    /** Offset and total only where they apply; {@code next_cursor} always, null on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Info(int limit, Integer offset, Long total,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }

    /** Reads the paging parameters (reporting every bad parameter); a cursor must match {@code binding}. */
    public PageRequest read(QueryParams params, String binding) {
        Integer limit = params.integer("limit", 1, PageRequest.MAX_LIMIT);
        Integer offset = params.integer("offset", 0, PageRequest.MAX_OFFSET);
        Boolean withTotal = params.bool("include_total");
        String cursor = params.text("cursor");
        if (cursor != null && offset != null) {
            params.reject("offset", "cannot be combined with cursor");
        }
        params.throwIfInvalid();
        Keyset after = cursor == null ? null : cursors.decode(cursor, binding);
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, offset == null ? 0 : offset, after,
                Boolean.TRUE.equals(withTotal));
    }

    /** The page's JSON, and a {@code Link: <...>; rel="next"} header when another page follows. */
    public <T, R> PageResponse<R> respond(Request request, Response response, PageRequest asked, Page<T> page,
                                          String binding, Function<T, R> represent) {
        String next = page.next() == null ? null : cursors.encode(binding, page.next());
        if (next != null) {
            response.header("Link", "<" + nextLink(request, next) + ">; rel=\"next\"");
        }
        Info info = new Info(asked.limit(), asked.after() == null ? asked.offset() : null, page.total(), next);
        return new PageResponse<>(page.items().stream().map(represent).toList(), info);
    }

    /** The same query, its offset or cursor replaced by the next cursor (URL-safe as it is). */
    private static String nextLink(Request request, String cursor) {
        String query = request.raw().getQueryString();
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.startsWith("offset=") && !pair.startsWith("cursor=")
                        && !pair.equals("offset") && !pair.equals("cursor"))
                .collect(Collectors.joining("&"));
        return request.pathInfo() + "?" + (kept.isEmpty() ? "" : kept + "&") + "cursor=" + cursor;
    }
}
