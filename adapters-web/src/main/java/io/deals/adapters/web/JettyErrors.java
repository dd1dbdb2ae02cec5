package io.deals.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.adapters.web.shared.ErrorResponse;
import io.deals.adapters.web.shared.RequestIds;
import io.deals.adapters.web.shared.SecurityHeaders;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers before Spark sees the request (a malformed request line, oversized
 * headers, a bad URI) get the API's JSON error shape and security headers too, instead of Jetty's
 * HTML page. Requests too malformed to be read are counted (they reach no route, so no other figure sees them).
 */
final class JettyErrors extends ErrorHandler {

    private final ObjectMapper json;
    private final HttpMetrics metrics;

    JettyErrors(ObjectMapper json, HttpMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
        setShowStacks(false);
        setShowServlet(false);
        setCacheControl(SecurityHeaders.NO_STORE);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        metrics.malformedRequest(status);
        String requestId = RequestIds.acceptOrGenerate(null);
        SecurityHeaders.addToError(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(status, "the request is malformed" + (reason == null ? "" : ": " + reason), requestId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int status, String message)
            throws IOException {
        baseRequest.setHandled(true);
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, requestId);
        SecurityHeaders.addToError(response);
        response.setContentType("application/json");
        response.getWriter().write(body(status, "the request could not be served", requestId));
    }

    private String body(int status, String message, String requestId) {
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        try {
            return json.writeValueAsString(ErrorResponse.of(code, message, null, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
