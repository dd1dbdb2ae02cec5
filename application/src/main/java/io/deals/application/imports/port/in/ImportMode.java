package io.deals.application.imports.port.in;

import java.util.Locale;
import java.util.Optional;

/** What a bad row does to the rest of the file. */
public enum ImportMode {
    /** Any bad row rejects the whole file; nothing is stored. */
    STRICT,
    /** Good rows are stored and bad ones reported (the default). */
    LENIENT;

    /** The mode an API or command-line value names: {@code strict} or {@code lenient}. */
    public static Optional<ImportMode> parse(String name) {
        for (ImportMode mode : values()) {
            if (mode.apiName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
