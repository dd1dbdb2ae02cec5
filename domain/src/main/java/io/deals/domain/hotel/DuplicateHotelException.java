package io.deals.domain.hotel;

import io.deals.domain.shared.DomainException;

/** Another hotel already has this phone, or this name in this city and country. */
public final class DuplicateHotelException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DuplicateHotelException(String field, String message) {
        super("DUPLICATE_HOTEL", message);
        this.field = field;
    }

    /** The API field that clashes: {@code phone} or {@code name}. */
    public String field() {
        return field;
    }
}
