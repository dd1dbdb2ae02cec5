package io.deals.application.imports.port.in;

/** What a bad row does to the rest of the file. */
public enum ImportMode {
    /** Any bad row rejects the whole file; nothing is stored. */
    STRICT,
    /** Good rows are stored and bad ones reported (the default). */
    LENIENT
}
