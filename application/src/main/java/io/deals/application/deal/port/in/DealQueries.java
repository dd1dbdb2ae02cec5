package io.deals.application.deal.port.in;

import io.deals.domain.deal.DealId;

import java.util.Optional;

/** The read side for deals. */
public interface DealQueries {

    Optional<DealView> find(DealId id);
}
