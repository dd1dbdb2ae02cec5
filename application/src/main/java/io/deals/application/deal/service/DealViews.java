package io.deals.application.deal.service;

import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.domain.deal.DealId;

/** Reads back, inside the writing transaction, the view of a deal that was just written. */
final class DealViews {

    private DealViews() {
    }

    static DealView stored(DealSearch search, DealId id) {
        return search.find(id).orElseThrow(() -> new IllegalStateException("deal " + id + " vanished inside its own transaction"));
    }
}
