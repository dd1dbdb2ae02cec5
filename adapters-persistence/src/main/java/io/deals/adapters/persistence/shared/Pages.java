package io.deals.adapters.persistence.shared;

import io.deals.application.shared.port.in.Keyset;
import io.deals.application.shared.port.in.Page;
import io.deals.application.shared.port.in.PageRequest;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** Turns {@code limit + 1} fetched rows into a page: the extra row only tells that another page follows. */
public final class Pages {

    private Pages() {
    }

    /** {@code total} runs only where the page reports one: offset mode, or a cursor page that asked for it. */
    public static <T> Page<T> of(List<T> rows, PageRequest page, Function<T, Keyset> position, LongSupplier total) {
        List<T> items = rows.subList(0, Math.min(rows.size(), page.limit()));
        Keyset next = rows.size() > page.limit() ? position.apply(items.get(items.size() - 1)) : null;
        Long count = page.after() == null || page.withTotal() ? total.getAsLong() : null;
        return new Page<>(items, count, next);
    }
}
