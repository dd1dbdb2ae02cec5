package io.deals.adapters.web.shared;

import spark.Request;

import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/** What every kind of request body shares: its media type, and the stream beneath Spark's copy. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** A 415 unless the body is one of {@code accepted}, in UTF-8 (the default when no charset is named). */
    public static void requireMediaType(String contentType, Set<String> accepted) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].equalsIgnoreCase("charset") && parameter.length == 2) {
                utf8 = parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        if (!accepted.contains(type) || !utf8) {
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE",
                    "the body must be " + String.join(" or ", accepted.stream().sorted().toList()) + " in UTF-8");
        }
    }

    /** Spark's request wrapper copies a body with a Content-Length into memory; this is the stream beneath it. */
    public static InputStream unbuffered(Request request) throws IOException {
        ServletRequest raw = request.raw();
        return (raw instanceof ServletRequestWrapper wrapper ? wrapper.getRequest() : raw).getInputStream();
    }
}
