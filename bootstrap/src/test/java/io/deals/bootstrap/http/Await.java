package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/** Waiting for what a server does by itself: read again and again until it holds, or fail after a deadline. */
final class Await {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Await() {
    }

    /** What {@code read} reads, once {@code condition} holds for it; fails after {@code patience}. */
    static <T> T until(String what, Supplier<T> read, Predicate<T> condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T state = read.get();
        while (!condition.test(state)) {
            if (System.nanoTime() > deadline) {
                return fail(what + " did not reach the expected state within " + patience + ": " + state);
            }
            pause(PAUSE);
            state = read.get();
        }
        return state;
    }

    /** {@code GET /health}'s body, once {@code condition} holds for it. */
    static JsonNode health(Api api, Predicate<JsonNode> condition, Duration patience) {
        return until("health", () -> api.get("/health").json(), condition, patience);
    }

    /** {@code GET /metrics}, once {@code condition} holds for it. */
    static Scrape metrics(Api api, Predicate<Scrape> condition, Duration patience) {
        return until("the metrics", () -> Scrape.of(api.get("/metrics").text()), condition, patience);
    }

    /** Lets time pass; never the assertion itself. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
