package io.deals.adapters.web.event;

import io.deals.adapters.web.shared.OpenStreams;
import io.deals.application.event.EventSubscription;
import org.junit.jupiter.api.Test;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a stream opens when the exchange goes wrong meanwhile: cases real HTTP cannot stage on cue,
 * so the servlet objects are stand-ins that play Jetty's part (the happy path is in EventStreamIT).
 */
class SseStreamTest {

    private final OpenStreams streams = new OpenStreams();
    private final Exchange exchange = new Exchange();
    private final AtomicBoolean unsubscribed = new AtomicBoolean();
    private final EventSubscription subscription = new EventSubscription() {
        @Override
        public void resume() {
        }

        @Override
        public void close() {
            unsubscribed.set(true);
        }
    };

    @Test
    void a_client_gone_while_the_stream_opens_leaves_no_open_stream_behind() throws IOException {
        exchange.clientGoneOnceListenedTo = true;
        new SseStream(streams).open(exchange.request(), exchange.response(), subscription);
        assertThat(unsubscribed).isTrue();
        assertThat(streams.endAll(Duration.ZERO)).as("streams still open").isZero();
    }

    @Test
    void a_failure_after_going_asynchronous_completes_the_exchange_and_lets_everything_go() {
        exchange.outputFailure = new IOException("the client went away");
        assertThatThrownBy(() -> new SseStream(streams).open(exchange.request(), exchange.response(), subscription))
                .isSameAs(exchange.outputFailure);
        assertThat(exchange.completed).as("the asynchronous exchange completed").isTrue();
        assertThat(unsubscribed).isTrue();
        assertThat(streams.endAll(Duration.ZERO)).as("streams still open").isZero();
    }

    /** The servlet side of one exchange: only what a stream uses; anything else fails the test. */
    private static final class Exchange {

        boolean clientGoneOnceListenedTo;
        IOException outputFailure;
        boolean completed;
        private AsyncContext async;

        HttpServletRequest request() {
            async = fake(AsyncContext.class, (method, args) -> switch (method) {
                case "setTimeout", "getRequest", "getResponse" -> null;
                case "addListener" -> {
                    if (clientGoneOnceListenedTo) {
                        // Jetty calls back on its own thread, at any time: here before open() has returned.
                        ((AsyncListener) args[0]).onError(new AsyncEvent(async, new IOException("the client went away")));
                    }
                    yield null;
                }
                case "complete" -> {
                    completed = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
            return fake(HttpServletRequest.class, (method, args) -> switch (method) {
                case "startAsync" -> async;
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpServletResponse response() {
            return fake(HttpServletResponse.class, (method, args) -> switch (method) {
                case "setStatus", "setContentType", "setHeader", "flushBuffer" -> null;
                case "getOutputStream" -> {
                    if (outputFailure != null) {
                        throw outputFailure;
                    }
                    yield new Output();
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        private interface Behaviour {
            Object call(String method, Object[] args) throws Exception;
        }

        private static <T> T fake(Class<T> type, Behaviour behaviour) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                    (proxy, method, args) -> behaviour.call(method.getName(), args)));
        }
    }

    /** An output that takes everything at once. */
    private static final class Output extends ServletOutputStream {

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        @Override
        public void write(int b) {
        }
    }
}
