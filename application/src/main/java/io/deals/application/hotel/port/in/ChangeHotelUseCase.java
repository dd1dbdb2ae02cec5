package io.deals.application.hotel.port.in;

public interface ChangeHotelUseCase {

    /**
     * The hotel after the change (unchanged, same version, if the patch changed nothing), in one
     * transaction. {@code NotFoundException}; else one {@code ValidationException} naming the
     * command's unreadable fields with the patch's broken rules; else {@code VersionConflictException}
     * or the patch's {@code ValidationException}.
     */
    HotelView change(ChangeHotelCommand command);
}
