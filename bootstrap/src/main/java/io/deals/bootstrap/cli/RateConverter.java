package io.deals.bootstrap.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A positive number of things a second, as {@code 500} or {@code 500/s}. */
final class RateConverter implements ITypeConverter<Long> {

    /** Up to a billion a second: a nanosecond apart. */
    private static final Pattern RATE = Pattern.compile("([1-9][0-9]{0,8})(/s)?");

    @Override
    public Long convert(String value) {
        Matcher rate = RATE.matcher(value.strip());
        if (!rate.matches()) {
            throw new TypeConversionException("'" + value + "' is not a rate such as 500 or 500/s (a whole number"
                    + " a second, at least 1)");
        }
        return Long.parseLong(rate.group(1));
    }
}
