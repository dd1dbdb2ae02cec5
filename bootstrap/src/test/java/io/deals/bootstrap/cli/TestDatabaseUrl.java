package io.deals.bootstrap.cli;

import io.deals.adapters.persistence.DatabaseSettings;
import io.deals.adapters.persistence.testing.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The test database as {@code --db-url} names it: credentials in the URL. */
final class TestDatabaseUrl {

    private TestDatabaseUrl() {
    }

    static String withCredentials() {
        DatabaseSettings settings = TestDatabase.settings();
        StringBuilder url = new StringBuilder(settings.jdbcUrl());
        char separator = settings.jdbcUrl().contains("?") ? '&' : '?';
        if (settings.user() != null) {
            url.append(separator).append("user=").append(URLEncoder.encode(settings.user(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (settings.password() != null) {
            url.append(separator).append("password=").append(URLEncoder.encode(settings.password(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
