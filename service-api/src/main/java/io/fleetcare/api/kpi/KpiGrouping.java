package io.fleetcare.api.kpi;

import java.util.Locale;

/** How the KPIs of a period are split: not at all, or by device model, assigned engineer or device firmware. */
public enum KpiGrouping {
    NONE,
    MODEL,
    ENGINEER,
    FIRMWARE;

    /** The name the API uses, in lower case ({@code "model"}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
