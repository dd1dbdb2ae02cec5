package io.deals.application.shared;

import java.util.Optional;

/** Reads back, inside the writing transaction, the view of what it just wrote: the one answer and event data. */
public final class ReadBack {

    private ReadBack() {
    }

    public static <T> T view(Optional<T> view, String resource, long id) {
        return view.orElseThrow(() -> new IllegalStateException(
                resource + " " + id + " vanished inside its own transaction"));
    }
}
