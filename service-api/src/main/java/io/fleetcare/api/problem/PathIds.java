package io.fleetcare.api.problem;

import java.util.function.Function;

/** Numeric ids taken from a request path, where a malformed id is answered like an id that names nothing. */
public final class PathIds {

    private PathIds() {
    }

    /**
     * Reads a positive {@code long} id.
     *
     * @param value the path segment as sent, never {@code null}
     * @param unknown makes the not-found exception of the resource, given the value as sent
     * @return the id, greater than zero
     * @throws RuntimeException the exception {@code unknown} made, when the value is not a positive number
     */
    public static long positive(String value, Function<String, ? extends RuntimeException> unknown) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below like any id that names nothing
        }
        throw unknown.apply(value);
    }
}
