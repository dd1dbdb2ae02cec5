package io.deals.adapters.web.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import spark.Response;

/** Writes JSON bodies with the API's one mapper. */
public final class Responses {

    private final ObjectMapper json;

    public Responses(ObjectMapper json) {
        this.json = json;
    }

    public String json(Response response, int status, Object body) {
        response.status(status);
        response.type("application/json");
        return JsonMappers.write(json, body);
    }

    /** A body that is JSON already, such as a resource's one representation. */
    public static String rawJson(Response response, int status, String json) {
        response.status(status);
        response.type("application/json");
        return json;
    }

    /** A response with no body (204, 304): Spark wants an empty string, not null, to consider it handled. */
    public static String empty(Response response, int status) {
        response.status(status);
        return "";
    }
}
