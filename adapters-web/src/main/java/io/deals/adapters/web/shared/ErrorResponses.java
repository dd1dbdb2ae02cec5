package io.deals.adapters.web.shared;

import io.deals.application.event.EventPositionUnknownException;
import io.deals.application.event.EventsGoneException;
import io.deals.application.imports.DealFileException;
import io.deals.application.imports.ImportRejectedException;
import io.deals.application.shared.IdempotencyKeyReusedException;
import io.deals.application.shared.StorageUnavailableException;
import io.deals.domain.hotel.DuplicateHotelException;
import io.deals.domain.shared.DomainException;
import io.deals.domain.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;

import java.util.List;
import java.util.Map;

/** Turns any failure into the documented error body; only bugs are logged with their stack trace. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private static final Map<String, Integer> DOMAIN_STATUS = Map.of(
            "VALIDATION_FAILED", 422,
            "NOT_FOUND", 404,
            "HOTEL_NOT_FOUND", 404,
            "VERSION_CONFLICT", 409,
            "DUPLICATE_HOTEL", 409,
            "DUPLICATE_EXTERNAL_REF", 409,
            "HOTEL_HAS_DEALS", 409);

    private final Responses responses;

    public ErrorResponses(Responses responses) {
        this.responses = responses;
    }

    /** The Spark exception handler: every exception a route or filter throws ends here. */
    public void handle(Exception failure, Request request, Response response) {
        String requestId = request.attribute(RequestIds.ATTRIBUTE);
        if (failure instanceof HttpProblem problem) {
            if (problem.status() == 413) {
                // Jetty closes a connection whose body was not read to the end; saying so keeps a
                // client from sending its next request on it.
                response.header("Connection", "close");
            }
            problem.headers().forEach(response::header);
            write(response, problem.status(), problem.code(), problem.getMessage(), problem.details(), requestId);
        } else if (failure instanceof ValidationException invalid) {
            write(response, 422, invalid.code(), invalid.getMessage(),
                    invalid.violations().stream().map(ErrorDetail::from).toList(), requestId);
        } else if (failure instanceof DuplicateHotelException duplicate) {
            write(response, 409, duplicate.code(), duplicate.getMessage(),
                    List.of(new ErrorDetail(duplicate.field(), "duplicate", duplicate.getMessage())), requestId);
        } else if (failure instanceof DomainException domain && DOMAIN_STATUS.containsKey(domain.code())) {
            write(response, DOMAIN_STATUS.get(domain.code()), domain.code(), domain.getMessage(), null, requestId);
        } else if (failure instanceof IdempotencyKeyReusedException reused) {
            write(response, 422, "VALIDATION_FAILED", "1 field is invalid", List.of(new ErrorDetail(
                    IdempotencyHeader.NAME, "reused_with_other_body", reused.getMessage())), requestId);
        } else if (failure instanceof DealFileException unreadable) {
            write(response, 400, "BAD_REQUEST", unreadable.getMessage(), null, requestId);
        } else if (failure instanceof ImportRejectedException rejected) {
            write(response, 422, "VALIDATION_FAILED", rejected.getMessage(), rejected.report().errors().stream()
                    .map(e -> new ErrorDetail(e.line(), e.field(), e.code(), e.message())).toList(), requestId);
        } else if (failure instanceof EventsGoneException gone) {
            write(response, 410, "GONE", gone.getMessage(), null, requestId);
        } else if (failure instanceof EventPositionUnknownException unknown) {
            write(response, 400, "BAD_REQUEST", unknown.getMessage(), null, requestId);
        } else if (failure instanceof StorageUnavailableException) {
            LOG.warn("request {}: the database cannot be reached", requestId);
            response.header("Retry-After", "5");
            write(response, 503, "UNAVAILABLE", "the database cannot be reached; try again shortly", null, requestId);
        } else {
            LOG.error("request {} failed", requestId, failure);
            write(response, 500, "INTERNAL", "an unexpected error occurred; quote the request id when reporting it",
                    null, requestId);
        }
    }

    public void write(Response response, int status, String code, String message, List<ErrorDetail> details,
                      String requestId) {
        response.header(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        response.body(responses.json(response, status, ErrorResponse.of(code, message, details, requestId)));
    }
}
