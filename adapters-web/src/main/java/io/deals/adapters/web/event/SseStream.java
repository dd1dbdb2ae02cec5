package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.OpenStreams;
import io.deals.application.event.EventListener;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.port.in.ChangeEvent;
import org.eclipse.jetty.server.Request;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * One client's Server-Sent Events stream. It holds no thread: the response is asynchronous and
 * written with non-blocking I/O as the connection takes it. While too much is unsent it tells the
 * subscription it is not ready, so a slow client only falls behind; one that takes nothing for
 * several heartbeats is cut off (it resumes with {@code Last-Event-ID}).
 *
 * <p>Its state is guarded by its lock, held while writing (so that frames keep their order) but
 * never while calling the subscription; Jetty calls it back without holding locks of its own.
 */
final class SseStream implements EventListener, OpenStreams.Stream, WriteListener, AsyncListener {

    /** Unsent bytes from which no more events are taken until the client has read half of them. */
    static final int HIGH_WATER = 256 * 1024;
    /** Heartbeats in a row with bytes waiting and none written, after which the client is cut off. */
    static final int STALLED_HEARTBEATS = 4;

    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final OpenStreams streams;
    private final Deque<byte[]> unsent = new ArrayDeque<>();
    private long unsentBytes;
    private boolean unflushed;
    private long written;
    private long writtenAtLastHeartbeat;
    private int stalledHeartbeats;
    private boolean heldBack;
    private boolean ending;
    private boolean closed;
    private EventSubscription subscription;
    private AsyncContext async;
    private ServletOutputStream out;

    SseStream(OpenStreams streams) {
        this.streams = streams;
    }

    /**
     * Sends the status and headers at once and turns the exchange asynchronous. Committing first
     * matters under Spark 2.9.4: after the route returns, its MatcherFilter serializes the route's
     * result into the response (and closes the output) only if the response is not committed yet.
     * Whatever fails here releases the stream and completes the exchange before it is rethrown.
     */
    void open(HttpServletRequest request, HttpServletResponse response, EventSubscription subscribed)
            throws IOException {
        synchronized (this) {
            subscription = subscribed;
        }
        // Before Jetty can call back: a client gone at once then still leaves no stream behind.
        streams.opened(this);
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setHeader("Cache-Control", "no-store");
            response.flushBuffer();
            AsyncContext context = request.startAsync();
            synchronized (this) {
                async = context;
            }
            context.setTimeout(0);
            context.addListener(this);
            ServletOutputStream output = response.getOutputStream();
            output.setWriteListener(this);
            synchronized (this) {
                out = output;
            }
        } catch (IOException | RuntimeException failure) {
            complete();
            throw failure;
        }
        pump();
    }

    // --- what the subscription delivers ----------------------------------------------------------------

    @Override
    public void onEvent(ChangeEvent event) {
        StringBuilder frame = new StringBuilder(event.data().length() + 320)
                .append("id: ").append(event.seq()).append("\nevent: ").append(event.type()).append('\n');
        // Each line of the data gets its own field; a client joins them with line feeds again.
        for (String line : LINE_BREAK.split(event.cloudEvent(), -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        send(frame.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized boolean ready() {
        heldBack = unsentBytes >= HIGH_WATER;
        return !heldBack;
    }

    @Override
    public void onHeartbeat() {
        boolean stalled;
        synchronized (this) {
            boolean waiting = out != null && !unsent.isEmpty() && written == writtenAtLastHeartbeat;
            stalledHeartbeats = waiting ? stalledHeartbeats + 1 : 0;
            writtenAtLastHeartbeat = written;
            stalled = stalledHeartbeats >= STALLED_HEARTBEATS;
        }
        if (stalled) {
            cutOff();
        } else {
            send(KEEP_ALIVE);
        }
    }

    @Override
    public void onEnd(End why) {
        end();
    }

    /** Ends the stream once what is queued has been sent. */
    @Override
    public void end() {
        synchronized (this) {
            ending = true;
        }
        pump();
    }

    private void send(byte[] bytes) {
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            unsent.add(bytes);
            unsentBytes += bytes.length;
        }
        pump();
    }

    // --- writing, as the connection takes it ------------------------------------------------------------

    @Override
    public void onWritePossible() {
        pump();
    }

    /** Writes while the output is ready (never blocking), then flushes; completes an ending stream once all is out. */
    private void pump() {
        boolean resume = false;
        boolean finished = false;
        boolean failed = false;
        synchronized (this) {
            if (out == null || closed) {
                return;
            }
            try {
                while (out.isReady()) {
                    byte[] next = unsent.poll();
                    if (next != null) {
                        unsentBytes -= next.length;
                        written += next.length;
                        out.write(next);
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else {
                        finished = ending;
                        break;
                    }
                }
            } catch (IOException clientGone) {
                failed = true;
            }
            if (heldBack && unsentBytes < HIGH_WATER / 2) {
                heldBack = false;
                resume = true;
            }
        }
        if (failed) {
            release();
        } else if (finished) {
            complete();
        } else if (resume) {
            subscription.resume();
        }
    }

    @Override
    public void onError(Throwable failure) {
        release();
    }

    // --- the exchange's end --------------------------------------------------------------------------

    @Override
    public void onComplete(AsyncEvent event) {
        release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        release();
    }

    @Override
    public void onError(AsyncEvent event) {
        release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Started once, by open().
    }

    private void complete() {
        AsyncContext context = release();
        if (context != null) {
            try {
                context.complete();
            } catch (IllegalStateException alreadyOver) {
                // The exchange ended on its own meanwhile (the client went away).
            }
        }
    }

    /** A client that took nothing for several heartbeats: its connection is closed at once, unsent bytes and all. */
    private void cutOff() {
        AsyncContext context = release();
        if (context != null) {
            Request.getBaseRequest(context.getRequest()).getHttpChannel()
                    .abort(new IOException("the client read nothing for " + STALLED_HEARTBEATS + " heartbeats"));
        }
    }

    /** Stops the subscription and forgets the stream; returns the exchange the first time, null after. */
    private AsyncContext release() {
        EventSubscription stopping;
        AsyncContext context;
        synchronized (this) {
            if (closed) {
                return null;
            }
            closed = true;
            unsent.clear();
            stopping = subscription;
            context = async;
        }
        if (stopping != null) {
            stopping.close();
        }
        streams.closed(this);
        return context;
    }
}
