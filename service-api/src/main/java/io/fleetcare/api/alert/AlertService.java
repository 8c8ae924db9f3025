package io.fleetcare.api.alert;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.Alert;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Alerts: stores what {@code device.alerts} says, lets people acknowledge and comment on them and open a
 * ticket from one, and pushes each change to {@link AlertStream} once it is committed.
 */
@ApplicationScoped
public class AlertService {

    /** Prefix of the maintenance-request id under which an alert is taken in as a ticket. */
    static final String REQUEST_ID_PREFIX = "alert:";

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    @Inject
    AlertStore store;

    @Inject
    AlertStream stream;

    @Inject
    TicketIntake intake;

    @Inject
    Clock clock;

    /**
     * Stores one alert transition in its own transaction (idempotent by alert id and state).
     *
     * @return whether anything changed
     * @throws RuntimeException when the database fails; nothing is stored then
     */
    public boolean record(Alert alert) {
        Instant now = now();
        boolean changed = QuarkusTransaction.requiringNew().call(() -> store.record(alert, now));
        if (changed) {
            LOG.infof("Alert %s %s for device %s rule %s (%s)", alert.alertId(), alert.state(), alert.deviceId(),
                    alert.ruleId(), alert.severity());
            publishCurrent(alert.alertId());
        }
        return changed;
    }

    /** @throws AlertNotFoundException when there is no such alert */
    public AlertView get(String alertId) {
        return store.find(alertId, false).orElseThrow(() -> new AlertNotFoundException(alertId));
    }

    public List<AlertView> search(AlertFilter filter) {
        return store.search(filter);
    }

    /**
     * @param comment may be null
     * @throws AlertNotFoundException            when there is no such alert
     * @throws AlertAlreadyAcknowledgedException when somebody acknowledged it before
     */
    public AlertView acknowledge(String alertId, String comment, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlertView alert = store.find(alertId, true).orElseThrow(() -> new AlertNotFoundException(alertId));
            if (alert.acknowledgement() != null) {
                throw new AlertAlreadyAcknowledgedException(alertId, alert.acknowledgement().by());
            }
            store.addNote(alertId, new AlertNote(AlertNote.Kind.ACKNOWLEDGEMENT, comment, null, caller.username(),
                    now()));
        });
        LOG.infof("Alert %s acknowledged by %s", alertId, caller.username());
        return publishCurrent(alertId);
    }

    /**
     * @param comment never null
     * @throws AlertNotFoundException when there is no such alert
     */
    public AlertView comment(String alertId, String comment, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            store.find(alertId, true).orElseThrow(() -> new AlertNotFoundException(alertId));
            store.addNote(alertId, new AlertNote(AlertNote.Kind.COMMENT, comment, null, caller.username(), now()));
        });
        return publishCurrent(alertId);
    }

    /**
     * Takes the alert in as a maintenance request through {@link TicketIntake}, so the rule of one open ticket
     * per device and rule holds: an open ticket of the alert's device and rule gets the alert's evidence
     * instead of a second ticket, and asking again for the same alert changes nothing.
     *
     * @return the ticket's number and whether it was opened now; never null
     * @throws AlertNotFoundException when there is no such alert
     */
    public IntakeResult openTicket(String alertId, Caller caller) {
        AlertView alert = get(alertId);
        Instant detectedAt = alert.raisedAt() != null ? alert.raisedAt() : alert.episodeStart();
        MaintenanceRequest request = new MaintenanceRequest(REQUEST_ID_PREFIX + alertId, alert.deviceId(),
                alert.deviceType(), alert.model(), alert.ruleId(), MaintenanceRequest.Kind.CORRECTIVE,
                alert.severity(), alert.message(), detectedAt, null, alertId,
                alert.evidence().stream().map(r -> new Evidence(r.ts(), r.metric(), r.value(), r.text())).toList());
        IntakeResult result = intake.accept(request);
        if (result.outcome() != IntakeResult.Outcome.DUPLICATE) {
            QuarkusTransaction.requiringNew().run(() -> store.addNote(alertId,
                    new AlertNote(AlertNote.Kind.TICKET, null, result.ticketNumber(), caller.username(), now())));
            LOG.infof("Alert %s taken to ticket %s (%s) by %s", alertId, result.ticketNumber(), result.outcome(),
                    caller.username());
            publishCurrent(alertId);
        }
        return result;
    }

    private AlertView publishCurrent(String alertId) {
        AlertView current = get(alertId);
        stream.publish(current);
        return current;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
