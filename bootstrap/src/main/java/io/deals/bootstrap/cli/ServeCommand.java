package io.deals.bootstrap.cli;

import io.deals.bootstrap.CursorKeys;
import io.deals.bootstrap.DealsRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTP API. Without --db-url it runs its own embedded PostgreSQL in --data-dir.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:DEALS_PORT:-8080}", paramLabel = "PORT",
            description = "HTTP port, 0 for any free one (env DEALS_PORT; default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--data-dir", defaultValue = "${env:DEALS_DATA_DIR:-./deals-data}", paramLabel = "DIR",
            description = "where the embedded PostgreSQL keeps its data, and the cursor key (env DEALS_DATA_DIR;"
                    + " default ${DEFAULT-VALUE}; env DEALS_CURSOR_KEY sets the key instead)")
    private Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:DEALS_DB_URL}", paramLabel = "JDBC_URL",
            description = "an existing PostgreSQL, e.g. jdbc:postgresql://host/deals?user=u&password=p (env DEALS_DB_URL)")
    private String dbUrl;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--port': " + port
                    + " is not a port number (0-65535)");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--db-url': it must start with jdbc:postgresql:");
        }
        byte[] cursorKey = CursorKeys.configuredOrKeptIn(System.getenv("DEALS_CURSOR_KEY"), dataDir);
        DealsRuntime runtime = dbUrl == null ? DealsRuntime.embedded(dataDir, port, cursorKey)
                : DealsRuntime.external(dbUrl, port, cursorKey);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "deals-shutdown"));
        runtime.awaitShutdown();
        return 0;
    }
}
