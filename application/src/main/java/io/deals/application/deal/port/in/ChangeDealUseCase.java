package io.deals.application.deal.port.in;

public interface ChangeDealUseCase {

    /** The deal after the change (unchanged, same version, if the patch changed nothing). */
    DealView change(ChangeDealCommand command);

    /**
     * Checks a change against the current deal without applying it: throws the
     * {@code ValidationException} (or {@code NotFoundException}) that {@link #change} would.
     */
    void check(ChangeDealCommand command);
}
