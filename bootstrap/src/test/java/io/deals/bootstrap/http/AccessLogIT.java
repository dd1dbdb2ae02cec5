package io.deals.bootstrap.http;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.deals.bootstrap.DealsServer;
import io.deals.bootstrap.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access line as the shipped {@code logback.xml} writes it, in either format, for requests to
 * a real server: logback is configured from that file as the server's process would be, with
 * {@code DEALS_LOG_FORMAT} set, and the console is read back.
 */
class AccessLogIT extends ApiTestBase {

    private static final String LOG_FORMAT = "DEALS_LOG_FORMAT";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream standardOut = System.out;

    @AfterEach
    void restoreTheConsoleAndTheDefaultFormat() {
        System.setOut(standardOut);
        configureLogback(null);
    }

    @Test
    void json_lines_carry_the_access_line_as_fields() throws JsonProcessingException {
        long hotel = createHotel();
        readConsoleWith("json");

        api.get("/hotels/" + hotel, "X-Request-Id", "json-access-1");
        List<String> lines = linesUntil("json-access-1");

        JsonNode access = null;
        for (String line : lines) {
            JsonNode json = Api.JSON.readTree(line);
            if ("json-access-1".equals(json.path("request_id").asText())) {
                access = json;
            }
        }
        assertThat(access).as("the access line among %s", lines).isNotNull();
        assertThat(access.get("logger_name").asText()).isEqualTo("io.deals.access");
        assertThat(access.get("level").asText()).isEqualTo("INFO");
        assertThat(access.get("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(access.get("method").asText()).isEqualTo("GET");
        assertThat(access.get("route").asText()).isEqualTo("/hotels/{id}");
        assertThat(access.get("status").isInt()).isTrue();
        assertThat(access.get("status").asInt()).isEqualTo(200);
        assertThat(access.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(access.get("duration_ms").asLong()).isNotNegative();
        assertThat(access.get("subject").asText()).isEqualTo(TestTokens.SUBJECT);
        assertThat(access.get("message").asText()).startsWith("GET /hotels/{id} 200 ");
    }

    @Test
    void text_lines_are_readable_and_name_the_route_template_not_the_path() {
        readConsoleWith("text");

        api.get("/hotels/4242", "X-Request-Id", "text-access-1");
        List<String> lines = linesUntil("text-access-1");

        assertThat(lines).filteredOn(line -> line.contains("text-access-1")).singleElement().asString()
                .matches("\\S+Z INFO  io\\.deals\\.access - GET /hotels/\\{id} 404 \\d+ms request_id=text-access-1"
                        + " subject=" + TestTokens.SUBJECT);
    }

    /** Configures logback from the shipped file in {@code format} and sends the console here. */
    private void readConsoleWith(String format) {
        configureLogback(format);
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** The console's lines, once one holds {@code text}: the access line is written as the answer goes out. */
    private List<String> linesUntil(String text) {
        for (int tries = 0; tries < 500 && !console.toString(StandardCharsets.UTF_8).contains(text); tries++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ArrayList<>(console.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static void configureLogback(String format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        if (format != null) {
            context.putProperty(LOG_FORMAT, format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL shipped = DealsServer.class.getClassLoader().getResource("logback.xml");
        try {
            configurator.doConfigure(shipped);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logback from " + shipped, e);
        }
    }
}
