package io.deals.application.imports;

import io.deals.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the typed values of a file's text fields. A blank field is {@code null}, so the domain's
 * rules decide whether it may be missing; text that is not a value of its type is {@code invalid_format}.
 */
final class FileValues {

    /** Far beyond any valid price; stops a pathological field from costing a slow parse. */
    private static final int MAX_NUMBER_LENGTH = 40;

    /** RFC 3339, or without an offset, meaning UTC. Strict: no February 30th, no 24:00. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** Where a space may stand for RFC 3339's {@code T}, as spreadsheets and pandas write it. */
    private static final int DATE_LENGTH = "2026-11-22".length();

    private FileValues() {
    }

    static BigDecimal decimal(String text) {
        String value = present(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() <= MAX_NUMBER_LENGTH) {
                return new BigDecimal(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValueException("invalid_format", "must be a decimal number such as 129.99");
    }

    static Integer integer(String text) {
        String value = present(text);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("invalid_format", "must be a whole number");
        }
    }

    static LocalDate date(String text) {
        String value = present(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("invalid_format", "must be a date YYYY-MM-DD");
        }
    }

    static Boolean bool(String text) {
        String value = present(text);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidValueException("invalid_format", "must be true or false");
    }

    /** A moment no later than {@code now}; {@code null} when blank. */
    static Instant pastInstant(String text, Instant now) {
        String value = present(text);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            boolean spaced = value.length() > DATE_LENGTH && value.charAt(DATE_LENGTH) == ' ';
            TemporalAccessor parsed = TIMESTAMP.parse(spaced
                    ? value.substring(0, DATE_LENGTH) + 'T' + value.substring(DATE_LENGTH + 1) : value);
            instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("invalid_format", "must be a timestamp such as 2026-11-22T10:15:30Z");
        }
        if (instant.isAfter(now) || instant.atOffset(ZoneOffset.UTC).getYear() < 1) {
            throw new InvalidValueException("out_of_range", "must be a moment between the year 1 and now");
        }
        return instant;
    }

    /** The names of a comma-separated field; {@code null} when blank. */
    static List<String> list(String text) {
        String value = present(text);
        return value == null ? null : Arrays.asList(value.split(",", -1));
    }

    private static String present(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
