package io.deals.bootstrap.cli;

import io.deals.adapters.web.imports.ImportReportResponse;
import io.deals.application.imports.ImportRejectedException;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportError;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.bootstrap.CommandDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a deals CSV file in one transaction and reports what it did, row by row for the refused.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CSV file (the columns of the reference file, any order)")
    private Path file;

    @Option(names = "--mode", defaultValue = "lenient", paramLabel = "strict|lenient",
            description = "strict: any bad row rejects the whole file; lenient: good rows are stored (default)")
    private String mode;

    @Mixin
    private DatabaseOptions database;

    @Option(names = "--json", description = "print the report as the API's JSON")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        ImportMode importMode = ImportMode.parse(mode).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Invalid value for option '--mode': " + mode + " (strict or lenient)"));
        String dbUrl = database.dbUrl();
        try (InputFile input = InputFile.open(spec, file);
             CommandDatabase db = CommandDatabase.open(dbUrl, database.dataDir())) {
            ProgressDisplay progress = input.progress(spec.commandLine().getErr());
            try {
                ImportReport report = db.deals().importDeals()
                        .importDeals(new ImportDealsCommand(input.stream(), importMode, progress));
                progress.finish();
                print(report);
                return 0;
            } catch (ImportRejectedException rejected) {
                progress.finish();
                print(rejected.report());
                spec.commandLine().getErr().println("import: " + rejected.getMessage());
                return OneLineErrors.FAILED;
            }
        }
    }

    private void print(ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ImportReportResponse.json(report));
            return;
        }
        out.printf("read %d rows: %d deals created, %d updated, %d unchanged; %d hotels created; %d rows rejected%n",
                report.rowsRead(), report.dealsCreated(), report.dealsUpdated(), report.dealsUnchanged(),
                report.hotelsCreated(), report.rejected());
        for (ImportError error : report.errors()) {
            out.printf("line %d, %s: %s (%s)%n", error.line(), error.field(), error.message(), error.code());
        }
        if (report.errors().size() == ImportReport.MAX_ERRORS) {
            out.println("(the first " + ImportReport.MAX_ERRORS + " errors; the counts are complete)");
        }
        out.flush();
    }
}
