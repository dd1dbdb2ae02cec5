package io.deals.bootstrap;

import io.deals.adapters.persistence.ConnectionPool;
import io.deals.bootstrap.http.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running server and comes back. Requests must be answered
 * 503 within two seconds (the client gives up after that, failing the test), never hang, and
 * the server must recover on its own.
 */
class DatabaseOutageIT {

    private static final Duration CONTRACT = Duration.ofSeconds(2);

    @TempDir
    Path dataDirectory;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<HttpResponse<String>> replies = new ArrayList<>();

    @Test
    void answers_503_quickly_while_the_database_is_down_and_recovers_when_it_returns() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDirectory);
             ConnectionPool pool = ConnectionPool.open(postgres.settings());
             DealsServer server = DealsServer.start(pool.dataSource(),
                     ServerOptions.of(0, ServerSecret.random()).withTokens(TestTokens.SETTINGS))) {
            URI base = URI.create("http://localhost:" + server.port());
            assertThat(post(base.resolve("/hotels"), """
                    {"name": "Harbour View", "city": "Toronto", "country": "Canada",
                     "phone": "+14165550100", "star_rating": 4}""").statusCode()).isEqualTo(201);

            postgres.stop();

            HttpResponse<String> read = get(base.resolve("/hotels/1"));
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.body()).contains("\"code\":\"UNAVAILABLE\"").doesNotContain("Exception");
            HttpResponse<String> health = get(base.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");

            postgres.restart();

            assertThat(get(base.resolve("/hotels/1")).statusCode()).isEqualTo(200);
            assertThat(get(base.resolve("/health")).body()).contains("\"status\":\"UP\"");
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return documented(client.send(HttpRequest.newBuilder(uri).timeout(CONTRACT).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(URI uri, String json) throws Exception {
        return documented(client.send(HttpRequest.newBuilder(uri).timeout(CONTRACT).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.ALL_SCOPES)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> documented(HttpResponse<String> reply) {
        replies.add(reply);
        return reply;
    }

    /**
     * Every reply, the outage's 503s included, is one the OpenAPI document describes. Checked
     * afterwards, so that checking takes nothing from the moments the test stages.
     */
    @AfterEach
    void everyReplyIsDocumented() {
        replies.forEach(reply -> OpenApiContract.served().check(reply.request().method(), reply.uri().toString(),
                reply.statusCode(), reply.headers(), reply.body()));
    }
}
