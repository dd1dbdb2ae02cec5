package io.deals.bootstrap.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealsCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = DealsCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void a_port_that_is_not_a_number_fails_with_one_clear_line() {
        assertThat(run("serve", "--port", "eighty")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString().strip()).contains("--port").contains("eighty").doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void a_port_out_of_range_fails_with_one_clear_line() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString().strip()).contains("0-65535").doesNotContain("\n");
    }

    @Test
    void a_database_url_that_is_not_postgresql_fails_with_one_clear_line() {
        assertThat(run("serve", "--db-url", "jdbc:mysql://localhost/deals")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString().strip()).contains("jdbc:postgresql:").doesNotContain("\n");
    }

    @Test
    void kafka_brokers_not_given_as_host_and_port_fail_with_one_clear_line() {
        for (String servers : new String[] {"localhost", "localhost:9092,", "kafka:0", "kafka:9092;other:9092"}) {
            err.getBuffer().setLength(0);
            assertThat(run("serve", "--kafka-bootstrap", servers)).as(servers).isEqualTo(OneLineErrors.USAGE);
            assertThat(err.toString().strip()).contains("--kafka-bootstrap").contains("HOST:PORT").doesNotContain("\n");
        }
    }

    @Test
    void a_negative_rate_limit_fails_with_one_clear_line() {
        for (String option : new String[] {"--rate-limit-read-per-minute", "--rate-limit-write-per-minute"}) {
            err.getBuffer().setLength(0);
            assertThat(run("serve", option, "-1")).as(option).isEqualTo(OneLineErrors.USAGE);
            assertThat(err.toString().strip()).contains(option).contains("-1").contains("0 for no limit")
                    .doesNotContain("\n");
        }
    }

    @Test
    void a_log_format_logback_has_no_configuration_for_refuses_the_start() {
        CommandLine serve = DealsCommand.commandLine().getSubcommands().get("serve");
        for (String format : new String[] {"xml", "JSON", ""}) {
            assertThatThrownBy(() -> ServeCommand.checkLogFormat(serve, format)).as(format)
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining("DEALS_LOG_FORMAT").hasMessageContaining("text or json");
        }
        for (String format : new String[] {"text", "json", null}) {
            assertThatCode(() -> ServeCommand.checkLogFormat(serve, format)).as(format).doesNotThrowAnyException();
        }
    }

    @Test
    void a_public_keys_file_that_cannot_be_read_fails_with_one_clear_line() {
        assertThat(run("serve", "--jwt-public-keys", "/nowhere/idp.pem")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString().strip()).contains("--jwt-public-keys").contains("/nowhere/idp.pem")
                .doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void private_reads_neither_true_nor_false_fail_with_one_clear_line() {
        assertThat(run("serve", "--private-reads=sometimes")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString().strip()).contains("--private-reads").contains("sometimes").doesNotContain("\n");
    }

    @Test
    void an_unreachable_database_fails_the_start_with_one_line_and_no_stack_trace() {
        assertThat(run("migrate", "--db-url", "jdbc:postgresql://127.0.0.1:1/deals?connectTimeout=1")).isEqualTo(OneLineErrors.FAILED);
        assertThat(err.toString().strip()).startsWith("migrate: ").doesNotContain("\n").doesNotContain("\tat ");
    }
}
