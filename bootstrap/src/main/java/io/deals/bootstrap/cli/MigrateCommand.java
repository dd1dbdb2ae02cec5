package io.deals.bootstrap.cli;

import io.deals.bootstrap.DealsRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Brings a database's schema up to date.")
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--db-url", required = true, defaultValue = "${env:DEALS_DB_URL}", paramLabel = "JDBC_URL",
            description = "the PostgreSQL to migrate (env DEALS_DB_URL)")
    private String dbUrl;

    @Override
    public Integer call() {
        int applied = DealsRuntime.migrate(dbUrl);
        spec.commandLine().getOut().println("applied " + applied + " migration(s)");
        return 0;
    }
}
