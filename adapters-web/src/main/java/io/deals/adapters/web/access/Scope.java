package io.deals.adapters.web.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token lets its holder do. A token carries its scopes in one claim, {@code scope}, as a
 * space-separated list (RFC 8693, as identity providers issue them); this is the one place that
 * reads and writes that list.
 */
public enum Scope {
    /** Reads, when the server keeps them private. */
    READ("deals:read"),
    /** Creating, changing and deleting hotels and deals. */
    WRITE("deals:write"),
    /** Importing deals files. */
    IMPORT("deals:import");

    static final String CLAIM = "scope";

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as a token names it: {@code deals:write}. */
    public String value() {
        return value;
    }

    /**
     * The scopes a space-separated list names, each one known.
     *
     * @throws IllegalArgumentException when the list is empty or names an unknown scope
     */
    public static Set<Scope> parseList(String list) {
        Set<String> names = namesIn(list);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one scope: " + known());
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            scopes.add(Arrays.stream(values()).filter(scope -> scope.value.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + name + "'; the scopes are "
                            + known())));
        }
        return scopes;
    }

    /** The list a token carries: the scopes' values separated by single spaces. */
    public static String listOf(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(" "));
    }

    /** Every name in a token's list, known to this server or not (an identity provider may grant others). */
    static Set<String> namesIn(String list) {
        return Arrays.stream(list.split(" +")).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String known() {
        return listOf(EnumSet.allOf(Scope.class));
    }
}
