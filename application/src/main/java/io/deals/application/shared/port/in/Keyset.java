package io.deals.application.shared.port.in;

import java.util.Objects;

/**
 * Where the previous page ended: the last row's sort value (in its text form: a decimal, an
 * integer, a date or an RFC 3339 instant with microseconds) and its id.
 */
public record Keyset(String sortValue, long id) {

    public Keyset {
        Objects.requireNonNull(sortValue, "sortValue");
    }
}
