package io.deals.application.deal.port.in;

public interface ChangeDealUseCase {

    /** The deal after the change (unchanged, same version, if the patch changed nothing). */
    DealView change(ChangeDealCommand command);
}
