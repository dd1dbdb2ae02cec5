package io.deals.adapters.messaging;

import io.deals.application.imports.DealFileRecord;

import java.nio.charset.StandardCharsets;

/** Reads a published offer back the way the consumer does, for tests in other packages and modules. */
public final class PublishedOffers {

    private PublishedOffers() {
    }

    /** The offer's fields as the file row at {@code line}; an assertion error when it is no offer. */
    public static DealFileRecord read(long line, String key, String value) {
        OfferJson.Read read = OfferJson.read(line, key, value.getBytes(StandardCharsets.UTF_8));
        if (!read.violations().isEmpty()) {
            throw new AssertionError("not an offer (" + read.violations() + "): " + value);
        }
        return read.fields();
    }
}
