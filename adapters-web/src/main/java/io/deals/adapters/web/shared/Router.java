package io.deals.adapters.web.shared;

import spark.Route;
import spark.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers routes on the Spark service and remembers them, so that a known path asked with
 * the wrong method is answered 405 with {@code Allow} instead of Spark's 404.
 */
public final class Router {

    private record Entry(String method, String[] segments) {
    }

    private final Service http;
    private final List<Entry> entries = new ArrayList<>();

    public Router(Service http) {
        this.http = http;
    }

    public void get(String path, Route route) {
        remember("GET", path);
        http.get(path, route);
    }

    public void post(String path, Route route) {
        remember("POST", path);
        http.post(path, route);
    }

    public void patch(String path, Route route) {
        remember("PATCH", path);
        http.patch(path, route);
    }

    public void delete(String path, Route route) {
        remember("DELETE", path);
        http.delete(path, route);
    }

    /** The methods routed for this path, if any route matches it. */
    public Optional<Set<String>> allowedMethods(String path) {
        String[] segments = split(path);
        Set<String> methods = new TreeSet<>();
        for (Entry entry : entries) {
            if (matches(entry.segments(), segments)) {
                methods.add(entry.method());
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(methods);
    }

    private void remember(String method, String path) {
        entries.add(new Entry(method, split(path)));
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].startsWith(":") && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String path) {
        return path.replaceAll("^/+|/+$", "").split("/+");
    }
}
