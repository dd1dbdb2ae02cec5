package io.deals.adapters.web.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deals.adapters.web.shared.HttpProblem;
import io.deals.adapters.web.shared.Responses;
import io.deals.adapters.web.shared.RouteAccess;
import io.deals.adapters.web.shared.RouteGroup;
import io.deals.adapters.web.shared.Router;
import jakarta.inject.Inject;
import spark.Request;
import spark.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API describing itself: {@code GET /openapi.json}, Swagger UI over it at {@code /docs}
 * (served from the jar, so a browser asks nothing of any other server), and {@code GET /}
 * sending a browser there until the dashboard takes that place.
 */
public final class DocsRoutes implements RouteGroup {

    private static final String PAGE = "index.html";
    private static final String OWN = "io/deals/adapters/web/docs/";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String PNG = "image/png";

    private final StaticFile document;
    /** Every file under /docs/ by name: a fixed set, so no name ever reaches the class path. */
    private final Map<String, StaticFile> assets;

    @Inject
    public DocsRoutes(ObjectMapper json) {
        this.document = new StaticFile(OpenApiDocument.json(json), "application/json");
        String swaggerUi = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        // The page and its initializer are ours (the webjar's point at the petstore); the rest is Swagger UI's.
        this.assets = Map.of(
                PAGE, StaticFile.resource(OWN + "swagger-ui.html", HTML),
                "swagger-initializer.js", StaticFile.resource(OWN + "swagger-initializer.js", JAVASCRIPT),
                "swagger-ui-bundle.js", StaticFile.resource(swaggerUi + "swagger-ui-bundle.js", JAVASCRIPT),
                "swagger-ui.css", StaticFile.resource(swaggerUi + "swagger-ui.css", CSS),
                "index.css", StaticFile.resource(swaggerUi + "index.css", CSS),
                "favicon-32x32.png", StaticFile.resource(swaggerUi + "favicon-32x32.png", PNG),
                "favicon-16x16.png", StaticFile.resource(swaggerUi + "favicon-16x16.png", PNG));
    }

    @Override
    public void register(Router router) {
        router.get("/", RouteAccess.PUBLIC, this::toDocs);
        router.get("/openapi.json", RouteAccess.PUBLIC, document::answer);
        router.get("/docs", RouteAccess.PUBLIC, assets.get(PAGE)::answer);
        router.get("/docs/", RouteAccess.PUBLIC, assets.get(PAGE)::answer);
        router.get("/docs/:asset", RouteAccess.PUBLIC, this::asset);
    }

    /** Until the dashboard arrives, a browser opening the server lands on the API's documentation. */
    private Object toDocs(Request request, Response response) {
        response.header("Location", "/docs");
        return Responses.empty(response, 302);
    }

    private Object asset(Request request, Response response) {
        String name = request.params(":asset");
        StaticFile asset = assets.get(name);
        if (asset == null) {
            throw HttpProblem.notFound("no file " + name + " in the documentation");
        }
        return asset.answer(request, response);
    }

    /** The webjar's files sit under its version; its Maven metadata names it. */
    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(StaticFile.read("META-INF/maven/org.webjars/swagger-ui/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Swagger UI's version", e);
        }
        return properties.getProperty("version");
    }
}
