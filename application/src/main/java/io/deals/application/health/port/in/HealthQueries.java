package io.deals.application.health.port.in;

public interface HealthQueries {

    HealthReport check();
}
