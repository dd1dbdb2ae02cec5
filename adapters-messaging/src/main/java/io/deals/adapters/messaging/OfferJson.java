package io.deals.adapters.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileRecord;
import io.deals.domain.shared.Violation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.deals.application.imports.DealFileColumns.CATEGORIES;
import static io.deals.application.imports.DealFileColumns.DEAL_ID;
import static io.deals.application.imports.DealFileColumns.DISCOUNT_PERCENT;
import static io.deals.application.imports.DealFileColumns.HOTEL_STAR_RATING;
import static io.deals.application.imports.DealFileColumns.IS_AVAILABLE;
import static io.deals.application.imports.DealFileColumns.ORIGINAL_PRICE;
import static io.deals.application.imports.DealFileColumns.PRICE_PER_NIGHT;

/**
 * An offer's JSON: an object with the import file's fields, same names. A value may be a string or
 * a JSON number (a boolean for {@code is_available}, an array of names for {@code categories}); it
 * becomes the text a file would hold, so the import's own rules read it. A field that is
 * {@code null} is blank, and takes the import's default; a field that is missing is refused, as a
 * file's missing column is.
 */
final class OfferJson {

    /** Larger records are refused unread. */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * Numbers stay exact (no binary floating point) and are read back as written, trailing zeros
     * included ({@code 80.50} stays {@code 80.50}, as the file's text was); a key given twice is
     * malformed, not silently the last, and so is anything after the object (a second offer in one
     * record would otherwise be lost unseen).
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?");
    /** Wider than any field's digits, narrow enough to write out. */
    private static final int MAX_PLAIN_SCALE = 64;
    private static final List<String> NUMBERS = List.of(HOTEL_STAR_RATING, PRICE_PER_NIGHT, ORIGINAL_PRICE,
            DISCOUNT_PERCENT);

    private OfferJson() {
    }

    /**
     * The fields of a record's value as a file row at {@code line}, and every reason it is no offer.
     * {@code key} must be the offer's {@link #key}: it is what keeps a deal's offers in order.
     */
    static Read read(long line, String key, byte[] value) {
        if (value == null) {
            return Read.refused(new Violation("value", "required", "the record has no value; an offer is a JSON object"));
        }
        if (value.length > MAX_BYTES) {
            return Read.refused(new Violation("value", "too_large",
                    "is " + value.length + " bytes; an offer may have at most " + MAX_BYTES));
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return Read.refused(new Violation("value", "malformed_json", "is not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return Read.refused(new Violation("value", "malformed_json", "is not JSON: " + e.getMessage()));
        }
        if (json == null || json.isMissingNode()) {
            return Read.refused(new Violation("value", "malformed_json", "is not JSON: it is empty"));
        }
        if (!json.isObject()) {
            return Read.refused(new Violation("value", "invalid_format", "must be a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DealFileColumns.ALL.contains(name)) {
                violations.add(new Violation(name, "unknown_field", "is not a field of an offer"));
            }
        }
        Map<String, String> text = new HashMap<>();
        for (String field : DealFileColumns.ALL) {
            JsonNode node = json.get(field);
            if (node == null) {
                if (DealFileColumns.REQUIRED.contains(field)) {
                    violations.add(new Violation(field, "required", "must be given (null or \"\" for the default)"));
                }
            } else {
                text(field, node, violations).ifPresent(given -> text.put(field, given));
            }
        }
        String dealId = text.get(DEAL_ID);
        if (dealId != null && (key == null || !key.equals(key(dealId)))) {
            violations.add(new Violation(DEAL_ID, "key_mismatch", key == null
                    ? "the record has no key; its key must be the deal_id"
                    : "differs from the record's key; its key must be the deal_id"));
        }
        // The fields that could be read come along with the reasons, so the rules can tell their faults too.
        return new Read(new DealFileRecord(line, true, dealId, text.get(DealFileColumns.HOTEL_NAME),
                text.get(DealFileColumns.HOTEL_CITY), text.get(DealFileColumns.HOTEL_COUNTRY),
                text.get(DealFileColumns.HOTEL_PHONE), text.get(HOTEL_STAR_RATING), text.get(DealFileColumns.ROOM_TYPE),
                text.get(PRICE_PER_NIGHT), text.get(ORIGINAL_PRICE), text.get(DISCOUNT_PERCENT),
                text.get(DealFileColumns.CHECKIN_DATE), text.get(DealFileColumns.CHECKOUT_DATE),
                text.get(IS_AVAILABLE), text.get(CATEGORIES), text.get(DealFileColumns.CREATED_AT)), violations);
    }

    /**
     * The key of an offer for {@code dealId}: the deal_id as the catalogue keeps it, without surrounding
     * blanks, so that every offer of one deal goes to one partition and keeps its order.
     */
    static String key(String dealId) {
        return dealId == null ? null : dealId.strip();
    }

    /**
     * A file row as an offer: numbers that are plain decimals as JSON numbers, {@code true} and
     * {@code false} availability as booleans, categories as an array; anything else as the text it
     * is, so that a row a file would refuse is an offer the consumer refuses for the same reason.
     */
    static byte[] write(DealFileRecord record) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        String[] values = {record.dealId(), record.hotelName(), record.hotelCity(), record.hotelCountry(),
                record.hotelPhone(), record.hotelStarRating(), record.roomType(), record.pricePerNight(),
                record.originalPrice(), record.discountPercent(), record.checkinDate(), record.checkoutDate(),
                record.isAvailable(), record.categories(), record.createdAt()};
        for (int i = 0; i < values.length; i++) {
            String field = DealFileColumns.ALL.get(i);
            String value = values[i];
            if (value == null) {
                if (DealFileColumns.REQUIRED.contains(field)) {
                    json.putNull(field);
                }
            } else if (NUMBERS.contains(field) && JSON_NUMBER.matcher(value).matches()) {
                json.put(field, new BigDecimal(value));
            } else if (field.equals(IS_AVAILABLE) && (value.equals("true") || value.equals("false"))) {
                json.put(field, Boolean.parseBoolean(value));
            } else if (field.equals(CATEGORIES)) {
                ArrayNode names = json.putArray(field);
                if (!value.isBlank()) {
                    Arrays.stream(value.split(",", -1)).forEach(names::add);
                }
            } else {
                json.put(field, value);
            }
        }
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an offer cannot be written as JSON", e);
        }
    }

    /** A value's text as a file would hold it: empty for {@code null}. */
    private static Optional<String> text(String field, JsonNode node, List<Violation> violations) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isNumber()) {
            return Optional.of(numberText(node));
        }
        if (node.isBoolean()) {
            return Optional.of(Boolean.toString(node.booleanValue()));
        }
        if (node.isArray() && field.equals(CATEGORIES)) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : node) {
                if (!name.isTextual() || name.textValue().contains(",")) {
                    violations.add(new Violation(field, "invalid_format",
                            "must be an array of category names or one comma-separated string"));
                    return Optional.empty();
                }
                names.add(name.textValue());
            }
            return Optional.of(String.join(",", names));
        }
        violations.add(new Violation(field, "invalid_format", field.equals(CATEGORIES)
                ? "must be an array of category names or one comma-separated string"
                : "must be a string or a number"));
        return Optional.empty();
    }

    /**
     * A number's text: plain, as a file holds it, unless its exponent is beyond any field's range
     * ({@code 1e999999999}); that stays in exponent form, which the import's rules refuse, rather than
     * being written out as a billion digits.
     */
    private static String numberText(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal decimal = node.decimalValue();
        return Math.abs(decimal.scale()) <= MAX_PLAIN_SCALE ? decimal.toPlainString() : decimal.toString();
    }

    /**
     * A record read: its fields as a file row and every reason it is no offer (none when it is one);
     * no fields when the value is no JSON object at all.
     */
    record Read(DealFileRecord fields, List<Violation> violations) {

        static Read refused(Violation violation) {
            return new Read(null, List.of(violation));
        }
    }
}
