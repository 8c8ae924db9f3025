package io.fleetcare.api.device.history;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.alert.AlertFilter;
import io.fleetcare.api.alert.AlertService;
import io.fleetcare.api.alert.AlertView;
import io.fleetcare.api.customer.CustomerArchive;
import io.fleetcare.api.customer.CustomerView;
import io.fleetcare.api.device.DeviceNotFoundException;
import io.fleetcare.api.device.DeviceRegistry;
import io.fleetcare.api.device.DeviceView;
import io.fleetcare.api.repair.RecordKind;
import io.fleetcare.api.repair.RepairRecordView;
import io.fleetcare.api.repair.RepairRecords;
import io.fleetcare.api.ticket.TicketFilter;
import io.fleetcare.api.ticket.TicketService;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.fleetcare.events.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The device history for the engineer: gathers from the registry, the customer archive, the alerts, the telemetry
 * rollups, the tickets and the repair records what a visit needs. Reads only.
 */
@ApplicationScoped
public class DeviceHistory {

    /** At most this many tickets and this many repair records, the latest ones. */
    public static final int MAX_ITEMS = 200;

    @Inject
    DeviceRegistry registry;

    @Inject
    CustomerArchive customers;

    @Inject
    AlertService alerts;

    @Inject
    TelemetrySummaryReader telemetry;

    @Inject
    TicketService tickets;

    @Inject
    RepairRecords repairs;

    @Inject
    DueMaintenanceReader dueMaintenance;

    @Inject
    SlaConfig calendar;

    @Inject
    Clock clock;

    /**
     * @param deviceId never null
     * @param caller   who reads; decides whether the customer's class-1 fields are shown; never null
     * @return never null
     * @throws DeviceNotFoundException when the device is not registered
     */
    public DeviceHistoryView of(String deviceId, Caller caller) {
        DeviceView device = registry.get(deviceId, caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        Long owner = registry.ownerOf(deviceId);
        CustomerView customer = owner == null ? null : customers.ownerOf(owner, deviceId, caller);
        List<AlertView> openAlerts = alerts.search(new AlertFilter(Alert.State.RAISED, null, deviceId, null, null,
                MAX_ITEMS));
        List<RepairRecordView> records = repairs.search(deviceId, null, MAX_ITEMS, caller);
        List<DeviceHistoryView.ReplacedPart> parts = records.stream()
                .flatMap(r -> r.partsReplaced().stream().map(p -> new DeviceHistoryView.ReplacedPart(r.recordId(),
                        r.performedAt(), p.part(), p.serial(), p.quantity(), p.reason(), p.category())))
                .toList();
        RepairRecordView lastMaintenance = records.stream().filter(r -> r.kind() == RecordKind.MAINTENANCE)
                .findFirst().orElse(null);
        return new DeviceHistoryView(now, today, device, registry.warranty(deviceId, today), customer, openAlerts,
                telemetry.summary(deviceId, now), tickets.search(new TicketFilter(deviceId, null, MAX_ITEMS)),
                records, parts, new DeviceHistoryView.Maintenance(lastMaintenance, dueMaintenance.due(deviceId)));
    }
}
