package io.deals.adapters.persistence.imports;

/** The merge's tallies over the planned rows. */
public record ImportCounts(long created, long updated, long unchanged, long rejected, long hotelsCreated) {
}
