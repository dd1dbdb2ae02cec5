package io.deals.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The one shape of every error: {@code {"error": {code, message, details?, request_id}}}. */
public record ErrorResponse(Body error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, List<ErrorDetail> details, String requestId) {
    }

    public static ErrorResponse of(String code, String message, List<ErrorDetail> details, String requestId) {
        return new ErrorResponse(new Body(code, message, details, requestId));
    }
}
