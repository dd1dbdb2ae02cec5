package io.deals.adapters.web.shared;

import spark.Request;

/** Reads the {@code :id} path parameter; anything but a positive 64-bit integer names no resource. */
public final class PathIds {

    private PathIds() {
    }

    public static long id(Request request, String resource) {
        String raw = request.params(":id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to 404: "abc" is simply not the id of anything
        }
        throw HttpProblem.notFound("no " + resource + " has id '" + raw + "'");
    }
}
