package io.deals.adapters.web.shared;

/** The routes of one business area. */
public interface RouteGroup {

    void register(Router router);
}
