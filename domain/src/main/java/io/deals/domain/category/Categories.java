package io.deals.domain.category;

import io.deals.domain.shared.InvalidValueException;
import io.deals.domain.shared.Validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The categories of one deal: at most ten distinct names, kept sorted. */
public record Categories(List<CategoryName> names) {

    public static final int MAX = 10;
    public static final Categories NONE = new Categories(List.of());

    public Categories {
        names = List.copyOf(new TreeSet<>(names));
        if (names.size() > MAX) {
            throw new InvalidValueException("too_many", "must be at most " + MAX + " distinct categories");
        }
    }

    /**
     * Normalizes what a caller wrote (duplicates after normalizing collapse to one), reporting
     * each bad name under its index, e.g. {@code categories[2]}; {@code null} means none.
     */
    public static Categories parse(Collection<String> raw, String field, Validation validation) {
        if (raw == null) {
            return NONE;
        }
        List<CategoryName> names = new ArrayList<>();
        int index = 0;
        for (String name : raw) {
            CategoryName parsed = validation.field(field + "[" + index++ + "]", () -> CategoryName.parse(name));
            if (parsed != null) {
                names.add(parsed);
            }
        }
        return validation.field(field, () -> new Categories(names));
    }

    public List<String> values() {
        return names.stream().map(CategoryName::value).toList();
    }
}
