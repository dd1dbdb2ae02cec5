package io.deals.adapters.web.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** The client's request id when it is sane, otherwise a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "deals.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }
}
