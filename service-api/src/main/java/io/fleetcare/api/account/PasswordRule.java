package io.fleetcare.api.account;

import io.fleetcare.api.problem.InvalidRequestException;

/**
 * How long a password must be, counted in what a person typed: Unicode code points (an emoji is one, not two UTF-16
 * units), after leading and trailing whitespace is left out (eleven spaces and an {@code x} are one character). The
 * password itself is kept as given: only the count ignores the outer whitespace. Pure.
 */
public final class PasswordRule {

    /** Fewest characters. */
    public static final int MIN = 12;
    /** Most characters (bcrypt reads 72 bytes; the rest still has to be typed right). */
    public static final int MAX = 200;

    private PasswordRule() {
    }

    /** The characters that count: code points between the first and the last non-whitespace one. */
    public static int length(String password) {
        String inner = password == null ? "" : password.strip();
        return inner.codePointCount(0, inner.length());
    }

    /**
     * @throws InvalidRequestException when the password has fewer than {@value #MIN} or more than {@value #MAX}
     *                                 characters that count (400, the reason in the detail)
     */
    public static void check(String password) {
        int length = length(password);
        if (length < MIN || length > MAX) {
            throw new InvalidRequestException("password must have " + MIN + "-" + MAX
                    + " characters, not counting leading and trailing whitespace; it has " + length + ".");
        }
    }
}
