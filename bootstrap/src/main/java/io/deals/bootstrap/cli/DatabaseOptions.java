package io.deals.bootstrap.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** Which database a command works on: {@code --db-url}, else the embedded one in {@code --data-dir}. */
final class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Mixin
    private DataDirectoryOption dataDirectory;

    @Option(names = "--db-url", defaultValue = "${env:DEALS_DB_URL}", paramLabel = "JDBC_URL",
            description = "an existing PostgreSQL, e.g. jdbc:postgresql://host/deals?user=u&password=p (env DEALS_DB_URL)")
    private String dbUrl;

    Path dataDir() {
        return dataDirectory.dataDir();
    }

    /** The external database's URL, or {@code null} for the embedded one. */
    String dbUrl() {
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--db-url': it must start with jdbc:postgresql:");
        }
        return dbUrl;
    }
}
