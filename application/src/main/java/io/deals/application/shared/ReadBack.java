package io.deals.application.shared;

import io.deals.domain.shared.NotFoundException;

import java.util.Optional;

/**
 * Reads back, inside the writing transaction, the view of what it just wrote: the one answer and
 * event data. A read that holds no lock on the row (a delete's last look, a patch that changed
 * nothing) may find it deleted by another writer meanwhile: then it is not found, as it would be a
 * moment later.
 */
public final class ReadBack {

    private ReadBack() {
    }

    public static <T> T view(Optional<T> view, String resource, long id) {
        return view.orElseThrow(() -> new NotFoundException(resource, id));
    }
}
