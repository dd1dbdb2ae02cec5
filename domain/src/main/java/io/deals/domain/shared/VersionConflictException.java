package io.deals.domain.shared;

/** The caller changed an aggregate from a version that is no longer the current one. */
public final class VersionConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient Version expected;

    public VersionConflictException(String resource, long id, Version expected) {
        super("VERSION_CONFLICT", resource + " " + id + " is no longer at version " + expected);
        this.expected = expected;
    }

    public Version expected() {
        return expected;
    }
}
