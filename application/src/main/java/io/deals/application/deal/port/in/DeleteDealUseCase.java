package io.deals.application.deal.port.in;

public interface DeleteDealUseCase {

    void delete(DeleteDealCommand command);
}
