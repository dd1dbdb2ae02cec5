package io.deals.domain.shared;

/** The addressed hotel or deal does not exist (any more). */
public final class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String resource, long id) {
        super("NOT_FOUND", resource + " " + id + " does not exist");
    }
}
