package dev.rapport.team;

import org.jspecify.annotations.Nullable;

/**
 * A department. Built-in ones ({@code sales}, {@code support}, {@code billing}, {@code production})
 * have a code and take their name from the message bundles; custom ones have a name.
 */
public record DepartmentView(
        long id, @Nullable String code, @Nullable String name) {

    /** The message key of a built-in department's name. */
    public @Nullable String messageKey() {
        return code == null ? null : "department." + code;
    }
}
