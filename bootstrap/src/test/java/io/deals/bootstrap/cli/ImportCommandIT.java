package io.deals.bootstrap.cli;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.bootstrap.demo.DemoDeals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deals import FILE} against a real PostgreSQL, as a shell user runs it. */
class ImportCommandIT {

    private static final String HEADER = String.join(",", io.deals.application.imports.DealFileColumns.ALL);

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void imports_a_file_and_prints_the_report_with_plain_progress_lines() throws IOException {
        Path file = demoFile(300, 0.1);

        assertThat(run("import", file.toString())).isZero();

        long stored = deals();
        assertThat(stored).isPositive().isLessThan(300);
        assertThat(out.toString()).startsWith("read 300 rows: " + stored + " deals created, 0 updated, 0 unchanged;")
                .contains((300 - stored) + " rows rejected").containsPattern("line \\d+, \\w+");
        assertThat(err.toString()).as("not a terminal: whole lines, nothing redrawn")
                .contains("merging them into the database").doesNotContain("\r");
    }

    @Test
    void prints_the_api_json_report_and_a_second_run_changes_nothing() throws IOException {
        Path file = demoFile(200, 0);
        assertThat(run("import", file.toString(), "--json")).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("import", file.toString(), "--json")).isZero();

        assertThat(out.toString().strip()).isEqualTo("{\"rows_read\":200,\"deals_created\":0,\"deals_updated\":0,"
                + "\"deals_unchanged\":200,\"hotels_created\":0,\"rejected\":0,\"errors\":[]}");
        assertThat(deals()).isEqualTo(200);
    }

    @Test
    void a_strict_import_with_a_bad_row_stores_nothing_and_exits_with_one() throws IOException {
        Path file = demoFile(100, 0);
        Files.writeString(file, Files.readString(file).replaceFirst("\n(D-0000050,[^\r\n]*)", "\n$1,surplus"));

        assertThat(run("import", file.toString(), "--mode", "strict")).isEqualTo(OneLineErrors.FAILED);

        assertThat(out.toString()).startsWith("read 100 rows: 0 deals created, 0 updated, 0 unchanged; 0 hotels created;"
                + " 1 rows rejected").contains("line 51, row: has more or fewer fields than the header (wrong_field_count)");
        assertThat(err.toString()).contains("import: 1 of 100 rows are invalid; nothing was imported");
        assertThat(deals()).isZero();
    }

    @Test
    void a_file_with_an_unknown_column_fails_with_one_line() throws IOException {
        Path file = directory.resolve("odd.csv");
        Files.writeString(file, HEADER + ",vibes\n");

        assertThat(run("import", file.toString())).isEqualTo(OneLineErrors.FAILED);

        assertThat(err.toString().strip()).startsWith("import: ").contains("unknown column \"vibes\"")
                .doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void a_missing_file_or_an_unknown_mode_is_a_usage_error() {
        assertThat(run("import", directory.resolve("nowhere.csv").toString())).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).contains("Cannot read the file");

        assertThat(run("import", "x.csv", "--mode", "sloppy")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).contains("--mode").contains("sloppy");
    }

    private int run(String... args) {
        String[] withDatabase = new String[args.length + 2];
        System.arraycopy(args, 0, withDatabase, 0, args.length);
        withDatabase[args.length] = "--db-url";
        withDatabase[args.length + 1] = TestDatabaseUrl.withCredentials();
        CommandLine commandLine = DealsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(withDatabase);
    }

    private Path demoFile(int rows, double dirtyRate) throws IOException {
        Path file = directory.resolve("deals-" + rows + ".csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DemoDeals(rows, 10, 5, dirtyRate).writeTo(writer);
        }
        return file;
    }

    private static long deals() {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM deals")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
