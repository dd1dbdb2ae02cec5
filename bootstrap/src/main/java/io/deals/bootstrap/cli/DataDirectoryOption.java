package io.deals.bootstrap.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir}: where the server keeps its embedded PostgreSQL's data and its keys. */
final class DataDirectoryOption {

    @Option(names = "--data-dir", defaultValue = "${env:DEALS_DATA_DIR:-./deals-data}", paramLabel = "DIR",
            description = "where the embedded PostgreSQL keeps its data, and the keys: cursor.key and jwt.key"
                    + " (env DEALS_DATA_DIR; default ${DEFAULT-VALUE}; env DEALS_CURSOR_KEY and DEALS_JWT_SECRET"
                    + " set the keys instead)")
    private Path dataDir;

    Path dataDir() {
        return dataDir;
    }
}
