package io.deals.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deals.domain.shared.Violation;

/** One problem of a failed request; {@code line} only for a row of an imported file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(Long line, String field, String code, String message) {

    public ErrorDetail(String field, String code, String message) {
        this(null, field, code, message);
    }

    public static ErrorDetail from(Violation violation) {
        return new ErrorDetail(violation.field(), violation.code(), violation.message());
    }
}
