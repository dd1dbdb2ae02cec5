package io.deals.adapters.persistence;

import java.util.Objects;

/** Where the database is and how to log in; the password never shows in {@link #toString()}. */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: (got "
                    + jdbcUrl.split("\\?", 2)[0] + ")");
        }
    }

    /** Credentials may also ride in the URL's {@code user} and {@code password} parameters. */
    public static DatabaseSettings fromUrl(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, null, null);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl.split("\\?", 2)[0] + (user == null ? "" : ", user=" + user) + "]";
    }
}
