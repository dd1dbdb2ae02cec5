package io.deals.adapters.persistence.imports;

/** A deal the import created or updated, and whether its price changed: which events it gets. */
record ChangedDeal(long dealId, boolean created, boolean pricesChanged) {
}
