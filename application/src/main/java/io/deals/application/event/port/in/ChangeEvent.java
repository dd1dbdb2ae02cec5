package io.deals.application.event.port.in;

import io.deals.application.shared.Timestamps;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One recorded change, as the feed, the stream and Kafka carry it: a CloudEvent whose {@code seq}
 * is its place in commit order and whose {@code data} is the resource's representation (JSON) at
 * that version, as {@code GET} answered it.
 *
 * @param aggregate {@code deal} or {@code hotel}
 * @param subject   the resource's id
 */
public record ChangeEvent(long seq, UUID id, String aggregate, long subject, String type, Instant time, String data) {

    private static final Pattern TYPE = Pattern.compile("deals\\.(hotel|deal)\\.[a-z_]+");

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!aggregate.equals("deal") && !aggregate.equals("hotel")) {
            throw new IllegalArgumentException("not an aggregate: " + aggregate);
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not an event type: " + type);
        }
    }

    /** {@code /deals} or {@code /hotels}: the collection the subject belongs to. */
    public String source() {
        return "/" + aggregate + "s";
    }

    /** {@code deal-1017}: the Kafka key, so that each resource's events keep their order on one partition. */
    public String key() {
        return aggregate + "-" + subject;
    }

    /**
     * The CloudEvent in structured mode (JSON), the one form every reader gets. The attributes need
     * no escaping: the constructor admits only a UUID, a fixed-alphabet type, digits and a timestamp.
     */
    public String cloudEvent() {
        return new StringBuilder(data.length() + 256)
                .append("{\"specversion\":\"1.0\",\"id\":\"").append(id)
                .append("\",\"seq\":").append(seq)
                .append(",\"type\":\"").append(type)
                .append("\",\"source\":\"").append(source())
                .append("\",\"subject\":\"").append(subject)
                .append("\",\"time\":\"").append(Timestamps.format(time))
                .append("\",\"datacontenttype\":\"application/json\",\"data\":").append(data)
                .append('}')
                .toString();
    }
}
