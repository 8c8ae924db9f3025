package io.fleetcare.api.alert;

import io.fleetcare.events.Alert;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventCodecException;
import io.fleetcare.events.Evidence;
import java.util.List;

/**
 * Reads an {@link Alert} from a record value and checks every field the contract marks "never null", so that
 * an alert that passes can always be stored and a bad record never blocks the topic later.
 */
public final class AlertReader {

    private AlertReader() {
    }

    /**
     * @param value the record value, UTF-8 JSON; may be null (a tombstone), which is malformed
     * @return the alert; never null
     * @throws MalformedAlertException when the value is not such an alert
     */
    public static Alert read(byte[] value) throws MalformedAlertException {
        if (value == null || value.length == 0) {
            throw new MalformedAlertException("empty record value");
        }
        Alert alert;
        try {
            alert = EventCodec.decode(value, Alert.class);
        } catch (EventCodecException e) {
            throw new MalformedAlertException(e.getMessage(), e);
        }
        if (alert == null) {
            throw new MalformedAlertException("value is JSON null");
        }
        requireText(alert.alertId(), "alertId");
        requireText(alert.deviceId(), "deviceId");
        require(alert.deviceType(), "deviceType");
        requireText(alert.ruleId(), "ruleId");
        require(alert.severity(), "severity");
        require(alert.state(), "state");
        require(alert.episodeStart(), "episodeStart");
        require(alert.ts(), "ts");
        requireText(alert.message(), "message");
        List<Evidence> evidence = alert.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e == null) {
                throw new MalformedAlertException("evidence[" + i + "] is null");
            }
            require(e.ts(), "evidence[" + i + "].ts");
            requireText(e.metric(), "evidence[" + i + "].metric");
        }
        return alert;
    }

    private static void require(Object field, String name) throws MalformedAlertException {
        if (field == null) {
            throw new MalformedAlertException(name + " is missing");
        }
    }

    private static void requireText(String field, String name) throws MalformedAlertException {
        if (field == null || field.isBlank()) {
            throw new MalformedAlertException(name + " is missing or blank");
        }
    }
}
