package io.fleetcare.api.archive;

/**
 * How class-1 text is shown to a caller without an access grant: enough to tell two entries apart on the phone
 * ("the contact whose number ends in 5678"), not enough to reach anybody. Pure.
 */
public final class ClassOneMask {

    /** What a masked free text (an address, a position) reads as. */
    public static final String HIDDEN = "***";

    private ClassOneMask() {
    }

    /** Every digit but the last four becomes {@code *}; null stays null. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(phone.length());
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > digits - 4 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first character of the local part and the domain: {@code q***@example.com}; null stays null. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? HIDDEN : email.substring(0, email.offsetByCodePoints(0, 1)) + HIDDEN + email.substring(at);
    }

    /** The first character only: {@code Z***}; null stays null. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + HIDDEN;
    }

    /** Nothing of it: {@link #HIDDEN}; null stays null. */
    public static String text(String text) {
        return text == null ? null : HIDDEN;
    }
}
