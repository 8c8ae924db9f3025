package io.fleetcare.api.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Instant;
import java.util.List;

/**
 * An alert episode as the API shows it.
 *
 * @param alertId         never null
 * @param deviceId        never null
 * @param deviceType      never null
 * @param model           may be null
 * @param ruleId          never null
 * @param severity        never null
 * @param state           RAISED or CLEARED; never null
 * @param episodeStart    device time of the first reading of the episode; never null
 * @param raisedAt        device time of the RAISED message; null while only the CLEARED one arrived
 * @param clearedAt       device time of the CLEARED message; null while RAISED
 * @param message         never null
 * @param evidence        readings of the RAISED message; never null
 * @param clearedEvidence readings of the CLEARED message; never null
 * @param receivedAt      when the service first stored the alert; never null
 * @param acknowledgement null until somebody acknowledged it
 * @param notes           every acknowledgement, comment and ticket, oldest first; never null
 */
public record AlertView(String alertId, String deviceId, DeviceType deviceType, String model, String ruleId,
        Severity severity, Alert.State state, Instant episodeStart, Instant raisedAt, Instant clearedAt,
        String message, List<Reading> evidence, List<Reading> clearedEvidence, Instant receivedAt,
        AlertNote acknowledgement, List<AlertNote> notes) {

    /** One reading; {@code value} for numeric readings, {@code text} for textual ones, the absent one left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reading(Instant ts, String metric, Double value, String text) {
    }
}
