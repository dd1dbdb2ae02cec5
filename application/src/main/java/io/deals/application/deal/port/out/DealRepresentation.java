package io.deals.application.deal.port.out;

import io.deals.application.deal.port.in.DealView;

/** A deal's one published representation (JSON), as {@code GET /deals/{id}} answers it and its events carry it. */
public interface DealRepresentation {

    String of(DealView deal);
}
