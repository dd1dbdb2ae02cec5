package io.deals.adapters.web.shared;

import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import spark.Request;
import spark.Response;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETags are versions: {@code "3"}. Conditional requests are answered from them. */
public final class Preconditions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([1-9][0-9]{0,17})\"");

    private Preconditions() {
    }

    public static void tag(Response response, long version) {
        response.header("ETag", etag(version));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Whether {@code If-None-Match} already names this entity tag (weak comparison, as RFC 9110 says). */
    public static boolean notModified(Request request, String etag) {
        String header = request.headers("If-None-Match");
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    /** The version {@code If-Match} names, if any; {@code *} names none in particular. */
    public static Optional<Version> ifMatch(Request request) {
        String header = request.headers("If-Match");
        if (header == null || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher strong = STRONG_TAG.matcher(header.strip());
        if (strong.matches()) {
            return Optional.of(new Version(Long.parseLong(strong.group(1))));
        }
        if (header.strip().startsWith("W/")) {
            throw failed("a weak entity tag never matches If-Match");
        }
        throw HttpProblem.badRequest("If-Match must be one entity tag such as \"3\" (the version in quotes)");
    }

    /**
     * The version a change is made from: {@code If-Match}, else the body's {@code version} (a
     * positive number, or {@code null} when the body names none), else 428. When both are given
     * they must agree.
     */
    public static ExpectedVersion forChange(Request request, Long bodyVersionOrNull) {
        Version bodyVersion = bodyVersionOrNull == null ? null : new Version(bodyVersionOrNull);
        Optional<Version> ifMatch = ifMatch(request);
        if (ifMatch.isPresent()) {
            if (bodyVersion != null && !bodyVersion.equals(ifMatch.get())) {
                throw new HttpProblem(409, "VERSION_CONFLICT", "the body's version " + bodyVersion
                        + " contradicts If-Match " + ifMatch.get());
            }
            return new ExpectedVersion(ifMatch.get(), true);
        }
        if (bodyVersion != null) {
            return new ExpectedVersion(bodyVersion, false);
        }
        throw new HttpProblem(428, "PRECONDITION_REQUIRED",
                "send If-Match: \"<version>\" or \"version\" in the body, so that no update is lost");
    }

    /** 304 when {@code If-None-Match} already names the current version, else the representation. */
    public static Object current(Request request, Response response, long version, Supplier<String> represent) {
        if (notModified(request, etag(version))) {
            tag(response, version);
            return Responses.empty(response, 304);
        }
        return represent.get();
    }

    /**
     * Deletes under the request's optional {@code If-Match} ({@code null} version when absent);
     * losing a race to another writer is 412 with {@code If-Match}, 409 without.
     */
    public static Object delete(Request request, Response response, Consumer<Version> delete) {
        Optional<ExpectedVersion> expected = ifMatch(request).map(version -> new ExpectedVersion(version, true));
        try {
            delete.accept(expected.map(ExpectedVersion::version).orElse(null));
        } catch (VersionConflictException conflict) {
            throw expected.map(e -> e.conflict(conflict)).orElse(conflict);
        }
        return Responses.empty(response, 204);
    }

    static HttpProblem failed(String message) {
        return new HttpProblem(412, "PRECONDITION_FAILED", message);
    }

    /** Where the expected version came from decides how a conflict is reported: 412 or 409. */
    public record ExpectedVersion(Version version, boolean fromIfMatch) {

        /** Runs the change; a lost race is reported as this precondition's failure. */
        public <T> T attempt(Supplier<T> change) {
            try {
                return change.get();
            } catch (VersionConflictException conflict) {
                throw conflict(conflict);
            }
        }

        RuntimeException conflict(VersionConflictException conflict) {
            return fromIfMatch ? failed("If-Match " + version + " is not the current version") : conflict;
        }
    }
}
