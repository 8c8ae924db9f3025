package io.fleetcare.api.device.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.alert.AlertView;
import io.fleetcare.api.customer.CustomerView;
import io.fleetcare.api.device.DeviceView;
import io.fleetcare.api.device.ServiceCategory;
import io.fleetcare.api.device.WarrantyView;
import io.fleetcare.api.repair.RepairRecordView;
import io.fleetcare.api.ticket.TicketStatus;
import io.fleetcare.api.ticket.TicketView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an engineer reads before a visit ({@code GET /api/devices/{deviceId}/history}). The field names are
 * part of the API.
 *
 * @param generatedAt   when the history was read
 * @param today         the day the warranty is judged on, in the service's time zone
 * @param device        the registry entry with its latest state
 * @param warranty      warranty status and service category of every component today
 * @param customer      the owner, class-1 fields left out unless the caller may read them; null for no owner
 * @param openAlerts    alerts still RAISED, latest first
 * @param telemetry     downsampled series of the last 24 h, 30 days and year
 * @param tickets       the device's tickets, latest first (at most {@value DeviceHistory#MAX_ITEMS})
 * @param repairs       repair and maintenance records, latest work first (at most {@value DeviceHistory#MAX_ITEMS})
 * @param partsReplaced every part replaced in those records, latest work first
 * @param maintenance   the last maintenance and what is due
 */
public record DeviceHistoryView(Instant generatedAt, LocalDate today, DeviceView device, WarrantyView warranty,
        @JsonInclude(JsonInclude.Include.NON_NULL) CustomerView customer, List<AlertView> openAlerts,
        TelemetrySummary telemetry, List<TicketView> tickets, List<RepairRecordView> repairs,
        List<ReplacedPart> partsReplaced, Maintenance maintenance) {

    /**
     * A part replaced during a visit.
     *
     * @param serial   may be null
     * @param category how it was billed on the day of the work; null when it belongs to no registered component
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplacedPart(long recordId, Instant performedAt, String part, String serial, int quantity,
            String reason, ServiceCategory category) {
    }

    /**
     * @param last the latest maintenance record; null when the unit was never maintained
     * @param due  open tickets of scheduled or preventive maintenance, earliest predicted first
     */
    public record Maintenance(@JsonInclude(JsonInclude.Include.NON_NULL) RepairRecordView last, List<Due> due) {
    }

    /**
     * An open ticket for maintenance that the stream jobs scheduled or predicted.
     *
     * @param kind        SCHEDULED or PREVENTIVE
     * @param predictedAt when the need is predicted; null when the request named no time
     */
    public record Due(String ticketNumber, TicketStatus status, String kind, String problem, Instant openedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant predictedAt) {
    }
}
