package io.deals.bootstrap.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code GET /metrics} answered, read as Prometheus' text format: one sample per line that is not a comment. */
record Scrape(List<Scrape.Sample> samples) {

    /** One line: {@code name{label="value",...} number}. */
    record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static Scrape of(String text) {
        return new Scrape(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(Scrape::sample)
                .toList());
    }

    private static Sample sample(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (matcher.group(2) != null) {
            Matcher label = LABEL.matcher(matcher.group(2));
            int end = 0;
            while (label.lookingAt()) {
                labels.put(label.group(1), label.group(2));
                end = label.end();
                label.region(end, matcher.group(2).length());
            }
            if (end != matcher.group(2).length()) {
                throw new IllegalArgumentException("unreadable labels: " + line);
            }
        }
        return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3).replace("Inf", "Infinity")));
    }

    /** The samples of one metric whose labels include {@code labels}. */
    List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
    }

    List<Sample> find(String name) {
        return find(name, Map.of());
    }

    /** The value of the one sample of {@code name} with {@code labels}; 0 when there is none. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " samples of " + name + " match " + labels);
        }
        return found.isEmpty() ? 0 : found.get(0).value();
    }
}
