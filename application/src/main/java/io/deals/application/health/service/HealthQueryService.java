package io.deals.application.health.service;

import io.deals.application.health.port.in.HealthQueries;
import io.deals.application.health.port.in.HealthReport;
import io.deals.application.health.port.out.StorageProbe;

import java.util.Map;

public final class HealthQueryService implements HealthQueries {

    private final StorageProbe storage;

    public HealthQueryService(StorageProbe storage) {
        this.storage = storage;
    }

    @Override
    public HealthReport check() {
        return new HealthReport(Map.of("database", storage.answers()));
    }
}
