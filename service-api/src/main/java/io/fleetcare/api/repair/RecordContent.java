package io.fleetcare.api.repair;

import java.util.Objects;

/**
 * The amendable content of a repair record.
 *
 * @param symptom         the fault as seen; never null
 * @param cause           what caused it; never null
 * @param workDone        what was done; never null
 * @param testResult      how the unit tested afterwards; never null
 * @param minutesSpent    working time, 1-100000
 * @param customerSignOff who signed for the customer; null when nobody signed
 */
public record RecordContent(String symptom, String cause, String workDone, String testResult, int minutesSpent,
        String customerSignOff) {

    /** The largest number of minutes a record may name. */
    public static final int MAX_MINUTES = 100_000;

    /**
     * This content with one field corrected.
     *
     * @param value never null; for {@link AmendedField#MINUTES_SPENT} a whole number 1-100000
     * @throws IllegalArgumentException when the value does not fit the field
     */
    public RecordContent with(AmendedField field, String value) {
        Objects.requireNonNull(value, "value");
        return switch (field) {
            case SYMPTOM -> new RecordContent(value, cause, workDone, testResult, minutesSpent, customerSignOff);
            case CAUSE -> new RecordContent(symptom, value, workDone, testResult, minutesSpent, customerSignOff);
            case WORK_DONE -> new RecordContent(symptom, cause, value, testResult, minutesSpent, customerSignOff);
            case TEST_RESULT -> new RecordContent(symptom, cause, workDone, value, minutesSpent, customerSignOff);
            case MINUTES_SPENT -> new RecordContent(symptom, cause, workDone, testResult, minutes(value),
                    customerSignOff);
            case CUSTOMER_SIGN_OFF -> new RecordContent(symptom, cause, workDone, testResult, minutesSpent, value);
        };
    }

    /**
     * @throws IllegalArgumentException when the text is no whole number 1-100000
     */
    public static int minutes(String value) {
        int minutes;
        try {
            minutes = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("minutes must be a whole number");
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MAX_MINUTES);
        }
        return minutes;
    }
}
