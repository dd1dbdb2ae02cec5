package io.deals.bootstrap.http;

import io.deals.bootstrap.TestTokens;
import io.deals.bootstrap.http.Api.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what a client library will not do: announce a body it never
 * sends, or stream one with no end in sight. The request is written on its own thread while the
 * reply is read as soon as it comes, so a server that answers early (and then closes the
 * connection) is heard.
 */
final class RawHttp {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Writes a request body; may be cut short by the server closing the connection. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The reply, and how many body bytes had been written when it came. */
    record Exchange(Reply reply, long bodyBytesWrittenBeforeReply) {
    }

    private RawHttp() {
    }

    /**
     * A POST with the given header lines (for instance {@code Content-Length: 5}) and body, and a
     * token with every scope, as {@link Api} sends it.
     */
    static Exchange post(int port, String path, List<String> headers, Body body) {
        List<String> authorized = new ArrayList<>(headers);
        authorized.add("Authorization: " + TestTokens.bearer(TestTokens.ALL_SCOPES));
        return sendFrom(InetAddress.getLoopbackAddress(), port, "POST", path, authorized, body);
    }

    /**
     * A request with exactly the given header lines (no token unless one is among them), from the
     * local address {@code from}: any address of 127.0.0.0/8 reaches the server, which sees it as
     * another client.
     */
    static Exchange sendFrom(InetAddress from, int port, String method, String path, List<String> headers, Body body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            CountingOutputStream out = new CountingOutputStream(socket.getOutputStream());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            out.count.set(0);
            Thread writer = new Thread(() -> {
                try {
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed: what the test is about, not a failure.
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            Exchange exchange = read(socket.getInputStream(), method, path, out.count);
            socket.close();
            writer.join(PATIENCE.toMillis());
            return exchange;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " over a socket failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends {@code request} byte for byte (ISO-8859-1), such as a request line no client library would write. */
    static Reply send(int port, String request) {
        String call = request.lines().findFirst().orElse("");
        String[] requestLine = call.split(" ");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream(), requestLine[0], requestLine.length > 1 ? requestLine[1] : "/",
                    new AtomicLong()).reply();
        } catch (IOException e) {
            throw new UncheckedIOException(call + " over a socket failed", e);
        }
    }

    /** Writes a body in chunked transfer coding, one chunk per element, then the last, empty chunk. */
    static void chunked(OutputStream out, Iterable<byte[]> chunks) throws IOException {
        for (byte[] chunk : chunks) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Exchange read(InputStream in, String method, String target, AtomicLong written) throws IOException {
        String statusLine = line(in);
        long writtenBeforeReply = written.get();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        byte[] body;
        String length = first(headers, "Content-Length");
        String encoding = first(headers, "Transfer-Encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        Reply reply = Api.received(method, target, status, HttpHeaders.of(headers, (name, value) -> true),
                new String(body, StandardCharsets.UTF_8));
        return new Exchange(reply, writtenBeforeReply);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** One CRLF-terminated line, without its terminator; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static final class CountingOutputStream extends OutputStream {

        private final OutputStream out;
        final AtomicLong count = new AtomicLong();

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count.addAndGet(length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
