package io.deals.adapters.web.imports;

import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.QueryParams;
import io.deals.adapters.web.shared.RequestBodies;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteAccess;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportDealsUseCase;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportReport;
import jakarta.inject.Inject;
import org.apache.commons.io.input.BoundedInputStream;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/** {@code POST /imports}: a CSV deals file, streamed from the request into the import, never held whole. */
public final class ImportRoutes implements RouteGroup {

    public static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final Set<String> PARAMETERS = Set.of("mode");
    private static final Set<String> CSV = Set.of("text/csv");

    /**
     * An upload holds a pooled connection while it streams, and merges run one at a time anyway:
     * a second import waits its turn with a 429 rather than taking the connections API reads need.
     */
    private final Semaphore running = new Semaphore(1);
    private final ImportDealsUseCase importer;
    private final Responses responses;

    @Inject
    public ImportRoutes(ImportDealsUseCase importer, Responses responses) {
        this.importer = importer;
        this.responses = responses;
    }

    @Override
    public void register(Router router) {
        router.post("/imports", RouteAccess.IMPORT, this::importFile);
    }

    private Object importFile(Request request, Response response) {
        ImportMode mode = mode(new QueryParams(request.raw().getQueryString(), PARAMETERS, Set.of()));
        RequestBodies.requireMediaType(request.contentType(), CSV);
        if (request.raw().getContentLengthLong() > MAX_BYTES) {
            // Not drained: at this size the client had better learn at once; Jetty closes the connection.
            throw tooLarge();
        }
        if (!running.tryAcquire()) {
            throw new HttpProblem(429, "RATE_LIMITED", "another import is running; try again when it has finished",
                    null, Map.of("Retry-After", "10"));
        }
        try {
            return importBody(request, response, mode);
        } finally {
            running.release();
        }
    }

    private Object importBody(Request request, Response response, ImportMode mode) {
        // One byte past the limit is read, so that a body of exactly the limit still ends normally.
        try (BoundedInputStream body = BoundedInputStream.builder().setInputStream(RequestBodies.unbuffered(request))
                .setMaxCount(MAX_BYTES + 1).setOnMaxCount((max, count) -> {
                    throw new IOException("the body is longer than " + MAX_BYTES + " bytes");
                }).get()) {
            try {
                ImportReport report = importer.importDeals(new ImportDealsCommand(body, mode));
                return responses.json(response, 200, ImportReportResponse.from(report));
            } catch (RuntimeException failure) {
                throw body.getCount() > MAX_BYTES ? tooLarge() : failure;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportMode mode(QueryParams params) {
        String text = params.text("mode");
        ImportMode mode = text == null ? ImportMode.LENIENT : ImportMode.parse(text).orElse(null);
        if (mode == null) {
            params.reject("mode", "must be strict or lenient");
        }
        params.throwIfInvalid();
        return mode;
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "PAYLOAD_TOO_LARGE", "an imported file must be at most " + MAX_BYTES + " bytes");
    }
}
