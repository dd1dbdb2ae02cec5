package io.deals.adapters.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.application.shared.port.in.FieldErrors;
import io.deals.domain.shared.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object with the types the API documents, collecting every
 * problem (unknown, read-only or mistyped fields) so that they are all reported at once, by the
 * use case, together with the domain's. Business rules are the domain's: this class only checks
 * JSON types.
 */
public final class JsonInput {

    private final ObjectNode object;
    private final List<Violation> violations = new ArrayList<>();

    public JsonInput(ObjectNode object, Set<String> writable, Set<String> readOnly) {
        this.object = object;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (readOnly.contains(name)) {
                violations.add(new Violation(name, "read_only", "is set by the server and cannot be written"));
            } else if (!writable.contains(name)) {
                violations.add(new Violation(name, "unknown_field", "is not a field of this resource"));
            }
        }
    }

    public JsonField<String> text(String field) {
        return read(field, "must be a string", node -> node.isTextual() ? node.textValue() : null);
    }

    public JsonField<BigDecimal> decimal(String field) {
        return read(field, "must be a number", node -> node.isNumber() ? node.decimalValue() : null);
    }

    public JsonField<Integer> integer(String field) {
        return read(field, "must be a whole number", node -> node.isIntegralNumber() && node.canConvertToInt()
                ? node.intValue() : null);
    }

    public JsonField<Long> id(String field) {
        return read(field, "must be a positive whole number", node -> node.isIntegralNumber() && node.canConvertToLong()
                && node.longValue() > 0 ? node.longValue() : null);
    }

    public JsonField<Boolean> bool(String field) {
        return read(field, "must be true or false", node -> node.isBoolean() ? node.booleanValue() : null);
    }

    public JsonField<LocalDate> date(String field) {
        return read(field, "must be a date written YYYY-MM-DD, in the years 1 to 9999", node -> {
            if (!node.isTextual()) {
                return null;
            }
            try {
                return Dates.supported(LocalDate.parse(node.textValue()));
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    public JsonField<List<String>> strings(String field) {
        return read(field, "must be an array of strings", node -> {
            if (!node.isArray()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                values.add(element.textValue());
            }
            return values;
        });
    }

    /** The problems found so far: the unknown and read-only fields, and those read until now. */
    public FieldErrors errors() {
        return new FieldErrors(violations);
    }

    /**
     * Absent stays absent, JSON null is a present null; a value of the wrong type is
     * recorded and read as absent, so the caller goes on to find the other problems.
     */
    private <T> JsonField<T> read(String field, String expectation, Function<JsonNode, T> parse) {
        JsonNode node = object.get(field);
        if (node == null) {
            return JsonField.absent();
        }
        if (node.isNull()) {
            return JsonField.of(null);
        }
        T value = parse.apply(node);
        if (value == null) {
            violations.add(new Violation(field, "invalid_type", expectation));
            return JsonField.absent();
        }
        return JsonField.of(value);
    }
}
