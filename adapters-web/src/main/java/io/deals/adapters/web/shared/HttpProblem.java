package io.deals.adapters.web.shared;

import java.util.List;
import java.util.Map;

/**
 * A request the HTTP layer itself refuses (media type, size, syntax, preconditions, access), as a
 * status, a code and the headers that belong to that answer (such as {@code WWW-Authenticate}).
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<ErrorDetail> details;
    private final transient Map<String, String> headers;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, null);
    }

    public HttpProblem(int status, String code, String message, List<ErrorDetail> details) {
        this(status, code, message, details, Map.of());
    }

    public HttpProblem(int status, String code, String message, List<ErrorDetail> details,
                       Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.headers = Map.copyOf(headers);
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "BAD_REQUEST", message);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, "NOT_FOUND", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }

    /** Headers the answer carries besides the error body's. */
    public Map<String, String> headers() {
        return headers;
    }
}
