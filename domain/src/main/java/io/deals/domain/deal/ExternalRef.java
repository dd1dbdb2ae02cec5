package io.deals.domain.deal;

import io.deals.domain.shared.InvalidValueException;
import io.deals.domain.shared.Text;

/** The reference a deal has in the system it came from (an import file's deal_id): unique. */
public record ExternalRef(String value) {

    public static final int MAX_LENGTH = 64;

    public ExternalRef {
        Text.requireNormalized(value, MAX_LENGTH);
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("invalid_format", "must be printable characters");
        }
    }

    /** Trims what a caller wrote; {@code null} means the deal has no external reference. */
    public static ExternalRef parseOptional(String raw) {
        return raw == null ? null : new ExternalRef(Text.trimmed(raw, MAX_LENGTH));
    }
}
