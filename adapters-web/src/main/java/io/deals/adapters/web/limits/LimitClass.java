package io.deals.adapters.web.limits;

import io.deals.adapters.web.shared.RouteAccess;

import java.util.Optional;

/** The bucket a request counts against; its name is the policy name in the rate-limit headers. */
enum LimitClass {
    READ("read"),
    WRITE("write");

    private final String policyName;

    LimitClass(String policyName) {
        this.policyName = policyName;
    }

    String policyName() {
        return policyName;
    }

    /** The class of a route: imports count as writes; public routes are never limited. */
    static Optional<LimitClass> of(RouteAccess access) {
        return switch (access) {
            case READ -> Optional.of(READ);
            case WRITE, IMPORT -> Optional.of(WRITE);
            case PUBLIC -> Optional.empty();
        };
    }
}
