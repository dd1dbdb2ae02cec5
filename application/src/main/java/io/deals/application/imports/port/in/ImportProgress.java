package io.deals.application.imports.port.in;

/** How far an import got: rows read so far, and whether reading is over and the merge running. */
public record ImportProgress(long rowsRead, boolean merging) {
}
