package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Server-Sent Events client for tests: one connection, whose messages a thread of its own parses
 * as they come (as the SSE specification reads them), so the connection is always read.
 */
final class EventStreamClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** An event ({@code comment} null) or a comment line (the rest null). */
    record Message(String id, String event, String data, String comment) {
    }

    /** How the stream ended: normally (the server finished the response) or cut. */
    enum End { NORMAL, CUT }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            // The stream's status and headers; its body, never ending, is read as events below.
            OpenApiContract.served().check("GET", response.uri().toString(), 200, response.headers(), null);
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens a stream; returns as soon as the status and headers have come. {@code headers}: name, value pairs. */
    static EventStreamClient open(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStreamClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int status() {
        return response.statusCode();
    }

    HttpHeaders headers() {
        return response.headers();
    }

    /** A refused stream's reply, read whole and checked as every reply of the API is. */
    Reply refusal() {
        assertThat(status()).isNotEqualTo(200);
        try (InputStream body = response.body()) {
            return Api.received("GET", response.uri().toString(), status(), headers(),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message, comments included. */
    Message next() throws InterruptedException {
        Object next = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(next).as("a message within %s s", PATIENCE.toSeconds()).isNotNull().isInstanceOf(Message.class);
        return (Message) next;
    }

    /** The next {@code n} events, skipping comments. */
    List<Message> events(int n) throws InterruptedException {
        List<Message> events = new ArrayList<>();
        while (events.size() < n) {
            Message message = next();
            if (message.comment() == null) {
                events.add(message);
            }
        }
        return events;
    }

    /** Waits for the end of the stream, skipping whatever comes before it. */
    End end() throws InterruptedException {
        while (true) {
            Object next = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("the end within %s s", PATIENCE.toSeconds()).isNotNull();
            if (next instanceof End end) {
                return end;
            }
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Closing a connection that is already gone.
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Message(id, event, data.toString(), null));
                    }
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Message(null, null, null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> received.add("an unexpected field: " + line);
                    }
                }
            }
            received.add(End.NORMAL);
        } catch (IOException cut) {
            received.add(End.CUT);
        }
    }
}
