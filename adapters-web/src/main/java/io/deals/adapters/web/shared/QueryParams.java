package io.deals.adapters.web.shared;

import spark.Request;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Strict query parameters: an unknown one, a repeated single one, a wrong type or an out-of-range
 * value is a 400 that names the parameter; all of them are reported at once.
 */
public final class QueryParams {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<ErrorDetail> problems = new ArrayList<>();

    private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(1_000_000_000);

    public QueryParams(String queryString, Set<String> allowed, Set<String> repeatable) {
        if (queryString != null && !queryString.isEmpty()) {
            for (String pair : queryString.split("&")) {
                if (!pair.isEmpty()) {
                    String[] parts = pair.split("=", 2);
                    String name = decode(parts[0]);
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(parts.length == 2 ? decode(parts[1]) : "");
                }
            }
        }
        values.forEach((name, given) -> {
            if (!allowed.contains(name)) {
                problems.add(new ErrorDetail(name, "unknown_parameter", "is not a parameter of this resource"));
            } else if (given.size() > 1 && !repeatable.contains(name)) {
                problems.add(new ErrorDetail(name, "repeated", "may be given once"));
            }
        });
    }

    /** Refuses every query parameter, for an operation that takes none: a 400 names each one given. */
    public static void refuseAny(Request request) {
        new QueryParams(request.raw().getQueryString(), Set.of(), Set.of()).throwIfInvalid();
    }

    /** The names of several parameter groups together, e.g. a resource's filters and paging. */
    @SafeVarargs
    public static Set<String> names(Set<String>... groups) {
        return Arrays.stream(groups).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    public String text(String name) {
        return one(name, "must not be empty", value -> value.isBlank() ? null : value);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Integer integer(String name, int min, int max) {
        return one(name, "must be a whole number from " + min + " to " + max, value -> {
            try {
                int number = Integer.parseInt(value);
                return number >= min && number <= max ? number : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    /** A whole number of at least {@code min}, up to the largest long. */
    public Long wholeNumber(String name, long min) {
        return one(name, wholeNumberExpectation(min), value -> parseWholeNumber(value, min));
    }

    /**
     * A value given elsewhere than in the query (a header) that must be a whole number of at least
     * {@code min}; a problem with it is reported with the query's.
     */
    public Long wholeNumber(String name, String value, long min) {
        Long number = value == null ? null : parseWholeNumber(value, min);
        if (value != null && number == null) {
            problems.add(new ErrorDetail(name, "invalid", wholeNumberExpectation(min)));
        }
        return number;
    }

    public Long id(String name) {
        return one(name, "must be a positive whole number", value -> parseWholeNumber(value, 1));
    }

    private static Long parseWholeNumber(String value, long min) {
        try {
            long number = Long.parseLong(value);
            return number >= min ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String wholeNumberExpectation(long min) {
        return "must be a whole number from " + min + " to " + Long.MAX_VALUE;
    }

    public BigDecimal decimal(String name) {
        return one(name, "must be a decimal number from 0 to 1000000000 with at most 10 decimals", value -> {
            try {
                BigDecimal number = new BigDecimal(value);
                boolean sane = number.signum() >= 0 && number.scale() <= 10 && number.compareTo(MAX_DECIMAL) <= 0;
                // An exponent form such as 1E+2 has a negative scale; PostgreSQL wants it written out.
                return sane ? number.setScale(Math.max(number.scale(), 0)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    public Boolean bool(String name) {
        return one(name, "must be true or false", value -> switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    public LocalDate date(String name) {
        return one(name, "must be a date written YYYY-MM-DD, in the years 1 to 9999", value -> {
            try {
                return Dates.supported(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    public void reject(String name, String message) {
        problems.add(new ErrorDetail(name, "invalid", message));
    }

    /** A 400 naming every parameter that is wrong, if any is. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            String names = String.join(", ", problems.stream().map(ErrorDetail::field).distinct().toList());
            throw new HttpProblem(400, "BAD_REQUEST", "invalid query parameter(s): " + names, List.copyOf(problems));
        }
    }

    private <T> T one(String name, String expectation, Function<String, T> parse) {
        List<String> given = values.get(name);
        if (given == null) {
            return null;
        }
        T value = parse.apply(given.get(0));
        if (value == null) {
            problems.add(new ErrorDetail(name, "invalid", expectation));
        }
        return value;
    }

    private String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problems.add(new ErrorDetail("query", "invalid", "is not correctly percent-encoded"));
            return text;
        }
    }
}
