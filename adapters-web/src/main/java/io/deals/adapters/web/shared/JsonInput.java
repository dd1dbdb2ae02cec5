package io.deals.adapters.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.domain.shared.PatchValue;
import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object with the types the API documents, collecting every
 * problem (unknown, read-only or mistyped fields) so that they are all reported at once.
 * Business rules are the domain's: this class only checks JSON types.
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

    public PatchValue<String> text(String field) {
        return read(field, "must be a string", node -> node.isTextual() ? node.textValue() : null);
    }

    public PatchValue<BigDecimal> decimal(String field) {
        return read(field, "must be a number", node -> node.isNumber() ? node.decimalValue() : null);
    }

    public PatchValue<Integer> integer(String field) {
        return read(field, "must be a whole number", node -> node.isIntegralNumber() && node.canConvertToInt()
                ? node.intValue() : null);
    }

    public PatchValue<Long> id(String field) {
        return read(field, "must be a positive whole number", node -> node.isIntegralNumber() && node.canConvertToLong()
                && node.longValue() > 0 ? node.longValue() : null);
    }

    public PatchValue<Boolean> bool(String field) {
        return read(field, "must be true or false", node -> node.isBoolean() ? node.booleanValue() : null);
    }

    public PatchValue<LocalDate> date(String field) {
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

    public PatchValue<List<String>> strings(String field) {
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

    /** Reports everything found so far, if anything. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Reports the JSON problems together with what the domain's (side-effect free) validation
     * says of the fields that could be read, so a client learns of every invalid field at once.
     */
    public void throwIfInvalid(Runnable domainValidation) {
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> all = new ArrayList<>(violations);
        try {
            domainValidation.run();
        } catch (ValidationException domain) {
            Set<String> reported = violations.stream().map(Violation::field).collect(Collectors.toSet());
            domain.violations().stream().filter(v -> !reported.contains(v.field())).forEach(all::add);
        }
        throw new ValidationException(all);
    }

    /**
     * Absent stays absent, JSON null is a present null; a value of the wrong type is
     * recorded and read as absent, so the caller goes on to find the other problems.
     */
    private <T> PatchValue<T> read(String field, String expectation, Function<JsonNode, T> parse) {
        JsonNode node = object.get(field);
        if (node == null) {
            return PatchValue.absent();
        }
        if (node.isNull()) {
            return PatchValue.of(null);
        }
        T value = parse.apply(node);
        if (value == null) {
            violations.add(new Violation(field, "invalid_type", expectation));
            return PatchValue.absent();
        }
        return PatchValue.of(value);
    }
}
