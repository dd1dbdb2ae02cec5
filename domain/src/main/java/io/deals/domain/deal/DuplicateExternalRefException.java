package io.deals.domain.deal;

import io.deals.domain.shared.DomainException;

/** Another deal already carries this external reference. */
public final class DuplicateExternalRefException extends DomainException {

    private static final long serialVersionUID = 1L;

    public DuplicateExternalRefException(ExternalRef ref) {
        super("DUPLICATE_EXTERNAL_REF", "another deal already has external_ref '" + ref.value() + "'");
    }
}
