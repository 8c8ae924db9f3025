package io.fleetcare.api.repair;

/** The fields of a repair record an amendment may correct. */
public enum AmendedField {
    SYMPTOM,
    CAUSE,
    WORK_DONE,
    TEST_RESULT,
    /** The corrected value is a whole number of minutes, 1-100000. */
    MINUTES_SPENT,
    CUSTOMER_SIGN_OFF
}
