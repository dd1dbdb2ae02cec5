package io.deals.application.deal.port.in;

public interface ChangeDealUseCase {

    /**
     * The deal after the change (unchanged, same version, if the patch changed nothing), in one
     * transaction. {@code NotFoundException}; else one {@code ValidationException} naming the
     * command's unreadable fields with the patch's broken rules; else {@code VersionConflictException}
     * or the patch's {@code ValidationException}.
     */
    DealView change(ChangeDealCommand command);
}
