package io.deals.adapters.web.shared;

import spark.Route;
import spark.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Registers routes on the Spark service and remembers them: a request is matched to its route
 * (template and {@link RouteAccess}) before it is handled, and a known path asked with the wrong
 * method is answered 405 with {@code Allow} instead of Spark's 404. Reads default to
 * {@link RouteAccess#READ}, changes to {@link RouteAccess#WRITE}.
 */
public final class Router {

    private record Entry(MatchedRoute route, String[] segments) {
    }

    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

    private final Service http;
    private final List<Entry> entries = new ArrayList<>();

    public Router(Service http) {
        this.http = http;
    }

    public void get(String path, Route route) {
        get(path, RouteAccess.READ, route);
    }

    public void get(String path, RouteAccess access, Route route) {
        remember("GET", path, access);
        http.get(path, route);
    }

    public void post(String path, Route route) {
        post(path, RouteAccess.WRITE, route);
    }

    public void post(String path, RouteAccess access, Route route) {
        remember("POST", path, access);
        http.post(path, route);
    }

    public void patch(String path, Route route) {
        remember("PATCH", path, RouteAccess.WRITE);
        http.patch(path, route);
    }

    public void delete(String path, Route route) {
        remember("DELETE", path, RouteAccess.WRITE);
        http.delete(path, route);
    }

    /** Every route registered, in registration order (which is the order they are matched in). */
    public List<MatchedRoute> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** The route Spark will pick for this method and path: the first registered that matches, as Spark does. */
    public Optional<MatchedRoute> match(String method, String path) {
        String[] segments = split(path);
        return entries.stream()
                .filter(entry -> entry.route().method().equals(method) && matches(entry.segments(), segments))
                .map(Entry::route)
                .findFirst();
    }

    /** The methods routed for this path, if any route matches it. */
    public Optional<Set<String>> allowedMethods(String path) {
        String[] segments = split(path);
        Set<String> methods = new TreeSet<>();
        for (Entry entry : entries) {
            if (matches(entry.segments(), segments)) {
                methods.add(entry.route().method());
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(methods);
    }

    private void remember(String method, String path, RouteAccess access) {
        entries.add(new Entry(new MatchedRoute(method, path, access), split(path)));
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean parameter = pattern[i].startsWith(":");
            if (parameter ? path[i].isEmpty() : !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** As Spark splits: a trailing slash is an empty last segment, so {@code /deals/} is not {@code /deals}. */
    private static String[] split(String path) {
        return LEADING_SLASHES.matcher(path).replaceFirst("").split("/", -1);
    }
}
