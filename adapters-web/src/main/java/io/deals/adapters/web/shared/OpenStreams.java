package io.deals.adapters.web.shared;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Responses that stay open after their route has returned (event streams). They hold no request
 * thread, so the server's drain does not wait for them: it ends them when it stops.
 */
public final class OpenStreams {

    /** An open response. */
    public interface Stream {

        /** Finishes the response normally, soon: what is queued is still sent. */
        void end();
    }

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean ending;

    public void opened(Stream stream) {
        open.add(stream);
        if (ending) {
            stream.end();
        }
    }

    public void closed(Stream stream) {
        open.remove(stream);
    }

    /**
     * Ends every stream, those opening meanwhile too, and waits up to {@code patience} for them to
     * finish; returns how many are still open.
     */
    public int endAll(Duration patience) {
        ending = true;
        open.forEach(Stream::end);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return open.size();
    }
}
