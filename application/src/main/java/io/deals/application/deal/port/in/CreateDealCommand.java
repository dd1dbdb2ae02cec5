package io.deals.application.deal.port.in;

import io.deals.domain.deal.DealDraft;

public record CreateDealCommand(DealDraft draft) {
}
