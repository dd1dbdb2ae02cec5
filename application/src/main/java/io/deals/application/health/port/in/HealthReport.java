package io.deals.application.health.port.in;

import java.util.Map;

/** Whether each component the service needs answers; the service is up when all of them do. */
public record HealthReport(Map<String, Boolean> components) {

    public HealthReport {
        components = Map.copyOf(components);
    }

    public boolean up() {
        return components.values().stream().allMatch(Boolean::booleanValue);
    }
}
