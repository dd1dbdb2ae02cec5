package io.deals.adapters.web.shared;

import io.deals.domain.shared.Violation;

public record ErrorDetail(String field, String code, String message) {

    public static ErrorDetail from(Violation violation) {
        return new ErrorDetail(violation.field(), violation.code(), violation.message());
    }
}
