package io.deals.adapters.web.shared;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;

import javax.servlet.http.HttpServletResponse;

/**
 * What every answer says of itself, whatever produced it (a route, Spark's 404 and 405, Jetty's
 * own errors): {@code X-Content-Type-Options: nosniff}, so that a browser never takes a body for
 * another type than the one declared, and no {@code Server} header, whose Jetty version would help
 * no one but an attacker. Errors are {@code Cache-Control: no-store} besides: they describe one
 * request, and may name what it sent.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {

    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";
    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String NO_SNIFF = "nosniff";

    private SecurityHeaders() {
    }

    /**
     * Configures the connectors of {@code server} as it starts (Spark makes them after the server):
     * no {@code Server} header, and {@code nosniff} on each response before anything handles it.
     */
    public static void applyTo(Server server) {
        server.addLifeCycleListener(new AbstractLifeCycle.AbstractLifeCycleListener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null) {
                        http.getHttpConfiguration().setSendServerVersion(false);
                        http.getHttpConfiguration().addCustomizer(new SecurityHeaders());
                    }
                }
            }
        });
    }

    /** The headers of an error Jetty answers before any request exists (a malformed request line, say). */
    public static void addToError(HttpFields fields) {
        fields.put(CONTENT_TYPE_OPTIONS, NO_SNIFF);
        fields.put(CACHE_CONTROL, NO_STORE);
    }

    /** The same, on an error Jetty answers itself once the request is read (its error dispatch may reset headers). */
    public static void addToError(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, NO_SNIFF);
        response.setHeader(CACHE_CONTROL, NO_STORE);
    }

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        request.getResponse().setHeader(CONTENT_TYPE_OPTIONS, NO_SNIFF);
    }
}
