package io.deals.adapters.web;

import io.deals.adapters.web.access.AccessControl;
import io.deals.adapters.web.limits.RateLimitFilter;
import io.deals.adapters.web.shared.Caller;
import io.deals.adapters.web.shared.ErrorResponses;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.MatchedRoute;
import io.deals.adapters.web.shared.OpenStreams;
import io.deals.adapters.web.shared.RequestIds;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import io.deals.adapters.web.shared.SecurityHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API on one SparkJava instance. Everything that answers errors is registered before
 * the first route (Spark's exception map is not safe to change once it serves), and shutdown
 * drains the requests in flight before Jetty stops.
 *
 * <p>Each request is logged on one line and measured once its route has returned: an event
 * stream, which goes on after that, counts the time it took to open, not how long it stayed open.
 */
public final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.deals.access");

    private static final String STARTED_NANOS = "deals.startedNanos";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long stopping waits for open streams to send what they queued and finish. */
    private static final Duration STREAMS_PATIENCE = Duration.ofSeconds(2);

    private final Set<RouteGroup> routeGroups;
    private final AccessControl access;
    private final RateLimitFilter rateLimits;
    private final ErrorResponses errors;
    private final ObjectMapper json;
    private final OpenStreams streams;
    private final HttpMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Service http;
    private Router router;

    @Inject
    public HttpServer(Set<RouteGroup> routeGroups, AccessControl access, RateLimitFilter rateLimits,
                      ErrorResponses errors, ObjectMapper json, OpenStreams streams, HttpMetrics metrics) {
        this.routeGroups = routeGroups;
        this.access = access;
        this.rateLimits = rateLimits;
        this.errors = errors;
        this.json = json;
        this.streams = streams;
        this.metrics = metrics;
    }

    /** Starts listening and returns the bound port (the one chosen when {@code port} is 0). */
    public synchronized int start(int port) {
        if (http != null) {
            throw new IllegalStateException("the server is already started");
        }
        http = Service.ignite();
        http.embeddedServerIdentifier(jettyWithJsonErrors());
        CompletableFuture<Integer> started = new CompletableFuture<>();
        // Spark's default handler would System.exit(); report the failure to the caller instead.
        http.initExceptionHandler(started::completeExceptionally);
        http.port(port);
        http.threadPool(32, 4, 60_000);
        http.untrustForwardHeaders();

        router = new Router(http);
        http.exception(Exception.class, errors::handle);
        http.notFound(this::routeMiss);
        http.internalServerError((request, response) -> {
            errors.write(response, 500, "INTERNAL", "an unexpected error occurred", null, requestId(request));
            return response.body();
        });
        http.before(this::admit);
        http.afterAfter(this::log);
        routeGroups.forEach(group -> group.register(router));

        Thread waiter = new Thread(() -> {
            http.awaitInitialization();
            started.complete(http.port());
        }, "http-start");
        waiter.setDaemon(true);
        waiter.start();
        try {
            int bound = started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info("HTTP API listening on port {}", bound);
            return bound;
        } catch (ExecutionException e) {
            throw new ServerStartException("cannot listen on port " + port + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ServerStartException("the HTTP server did not start within " + START_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while starting the HTTP server", e);
        }
    }

    /**
     * Registers a Jetty whose own error answers (before Spark routes anything) are JSON too, and
     * whose every answer carries the security headers.
     */
    private Object jettyWithJsonErrors() {
        JettyErrors jettyErrors = new JettyErrors(json, metrics);
        Object identifier = new Object();
        EmbeddedServers.add(identifier, new EmbeddedJettyFactory(new JettyServerFactory() {
            @Override
            public Server create(int maxThreads, int minThreads, int idleTimeoutMillis) {
                return create(new QueuedThreadPool(maxThreads, minThreads, idleTimeoutMillis));
            }

            @Override
            public Server create(ThreadPool threadPool) {
                Server server = new Server(threadPool);
                server.setErrorHandler(jettyErrors);
                SecurityHeaders.applyTo(server);
                return server;
            }
        }));
        return identifier;
    }

    /**
     * Refuses new requests, ends the open event streams (they are not in flight: their route has
     * returned), waits up to {@code drain} for the requests in flight, then stops Jetty.
     */
    public synchronized void stop(Duration drain) {
        if (http == null) {
            return;
        }
        draining = true;
        int streamsOpen = streams.endAll(STREAMS_PATIENCE);
        if (streamsOpen > 0) {
            LOG.warn("stopping with {} event streams still open after {} ms", streamsOpen, STREAMS_PATIENCE.toMillis());
        }
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("stopping with {} requests still in flight after {} ms", inFlight.get(), drain.toMillis());
        }
        http.stop();
        http.awaitStop();
        http = null;
        router = null;
        LOG.info("HTTP API stopped");
    }

    /** The routes this server serves, in the order they are matched; empty until it has started. */
    public synchronized List<MatchedRoute> routes() {
        return router == null ? List.of() : router.routes();
    }

    private void admit(Request request, Response response) {
        inFlight.incrementAndGet();
        request.attribute(STARTED_NANOS, System.nanoTime());
        String requestId = RequestIds.acceptOrGenerate(request.headers(RequestIds.HEADER));
        request.attribute(RequestIds.ATTRIBUTE, requestId);
        response.header(RequestIds.HEADER, requestId);
        // First, so that a request refused below is still logged and counted under its route.
        router.match(request.requestMethod(), request.pathInfo()).ifPresent(route -> route.attachTo(request));
        if (draining) {
            throw new HttpProblem(503, "UNAVAILABLE", "the server is shutting down", null, Map.of("Connection", "close"));
        }
        if (request.headers("X-HTTP-Method-Override") != null) {
            // Spark would silently route by this header; a method is what the request line says.
            throw HttpProblem.badRequest("X-HTTP-Method-Override is not supported");
        }
        access.check(request, response);
        rateLimits.apply(request, response);
    }

    private Object routeMiss(Request request, Response response) {
        String path = request.pathInfo();
        router.allowedMethods(path).ifPresentOrElse(allowed -> {
            response.header("Allow", String.join(", ", allowed));
            errors.write(response, 405, "METHOD_NOT_ALLOWED", request.requestMethod() + " is not allowed on " + path
                    + "; use " + String.join(", ", allowed), null, requestId(request));
        }, () -> errors.write(response, 404, "NOT_FOUND", "no route for " + path, null, requestId(request)));
        return response.body();
    }

    /**
     * The access line, with its parts as key-value pairs too (fields of a JSON log line), and the
     * request's figures. The route is the template, never the raw path: that may hold anything a
     * client typed, line breaks included. No request header is logged, so no token either.
     */
    private void log(Request request, Response response) {
        Long startedNanos = request.attribute(STARTED_NANOS);
        long nanos = startedNanos == null ? 0 : System.nanoTime() - startedNanos;
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        String method = request.requestMethod();
        String route = MatchedRoute.of(request).map(MatchedRoute::openApiPath).orElse(HttpMetrics.UNMATCHED);
        int status = response.raw().getStatus();
        String requestId = requestId(request);
        String subject = Caller.of(request).map(Caller::subject).orElse("-");
        ACCESS.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", millis)
                .addKeyValue("request_id", requestId)
                .addKeyValue("subject", subject)
                .log("{} {} {} {}ms request_id={} subject={}", method, route, status, millis, requestId, subject);
        if (startedNanos != null) {
            metrics.answered(method, route, status, nanos);
            inFlight.decrementAndGet();
        }
    }

    private static String requestId(Request request) {
        return request.attribute(RequestIds.ATTRIBUTE);
    }
}
