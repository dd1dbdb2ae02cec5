package io.deals.domain.shared;

/**
 * One value that breaks its rule. Value objects throw it from their constructors;
 * {@link Validation} attaches the field name and collects it with the others.
 */
public final class InvalidValueException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String code, String message) {
        super(code, message);
    }
}
