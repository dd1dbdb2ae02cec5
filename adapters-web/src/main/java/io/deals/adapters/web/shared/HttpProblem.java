package io.deals.adapters.web.shared;

import java.util.List;

/** A request the HTTP layer itself refuses (media type, size, syntax, preconditions), as a status and a code. */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<ErrorDetail> details;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, null);
    }

    public HttpProblem(int status, String code, String message, List<ErrorDetail> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
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
}
