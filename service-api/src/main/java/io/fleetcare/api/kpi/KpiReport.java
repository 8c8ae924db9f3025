package io.fleetcare.api.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/kpis}: the KPIs of a period, per group. The field names are part of the API (the web UI reads
 * them); rates are 0..1 and null when their denominator is zero. Definitions: README "KPIs".
 *
 * @param groupBy               none, model, engineer or firmware
 * @param groups                one entry (key null) for {@code none}; else one per key that has any figure, by key
 * @param faultsByModelFirmware tickets opened from telemetry in the period, per model and firmware, most first
 */
public record KpiReport(LocalDate from, LocalDate to, String groupBy, List<Group> groups,
        List<Faults> faultsByModelFirmware) {

    /**
     * @param key                  the model, engineer or firmware; null when not grouped
     * @param timeliness           closed without any SLA breach / closed
     * @param firstTimeFixRate     fixed first time / resolved
     * @param meanTimeToRepairHours mean hours opened -> resolved of the resolved tickets
     * @param complaintRate        complaints / opened
     * @param satisfaction         mean survey rating (1-5) of the surveys recorded in the period
     * @param slaBreaches          tickets opened in the period with at least one breached clock
     */
    public record Group(@JsonInclude(JsonInclude.Include.ALWAYS) String key, long ticketsOpened, long ticketsClosed,
            Double timeliness, Double firstTimeFixRate, Double meanTimeToRepairHours, Double complaintRate,
            Double satisfaction, long slaBreaches) {
    }

    /** Faults detected by telemetry for one model and firmware. */
    public record Faults(String model, String firmware, long faults) {
    }
}
