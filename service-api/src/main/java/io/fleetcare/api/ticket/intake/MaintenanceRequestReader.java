package io.fleetcare.api.ticket.intake;

import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventCodecException;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import java.util.List;

/**
 * Reads a {@link MaintenanceRequest} from a record value and checks what a ticket needs. A request that
 * passes can always be stored, so a bad record is rejected here and never blocks the topic later.
 */
public final class MaintenanceRequestReader {

    private MaintenanceRequestReader() {
    }

    /**
     * @param value the record value, UTF-8 JSON; may be null (a tombstone), which is malformed
     * @return the request, with every field the contract marks "never null" present and no blank ids
     * @throws MalformedMaintenanceRequestException when the value is not such a request; the message says why
     */
    public static MaintenanceRequest read(byte[] value) throws MalformedMaintenanceRequestException {
        if (value == null || value.length == 0) {
            throw new MalformedMaintenanceRequestException("empty record value");
        }
        MaintenanceRequest request;
        try {
            request = EventCodec.decode(value, MaintenanceRequest.class);
        } catch (EventCodecException e) {
            throw new MalformedMaintenanceRequestException(e.getMessage(), e);
        }
        if (request == null) {
            throw new MalformedMaintenanceRequestException("value is JSON null");
        }
        requireText(request.requestId(), "requestId");
        requireText(request.deviceId(), "deviceId");
        require(request.deviceType(), "deviceType");
        requireText(request.ruleId(), "ruleId");
        require(request.severity(), "severity");
        requireText(request.problem(), "problem");
        require(request.detectedAt(), "detectedAt");
        List<Evidence> evidence = request.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e == null) {
                throw new MalformedMaintenanceRequestException("evidence[" + i + "] is null");
            }
            require(e.ts(), "evidence[" + i + "].ts");
            requireText(e.metric(), "evidence[" + i + "].metric");
        }
        return request;
    }

    private static void require(Object field, String name) throws MalformedMaintenanceRequestException {
        if (field == null) {
            throw new MalformedMaintenanceRequestException(name + " is missing");
        }
    }

    private static void requireText(String field, String name) throws MalformedMaintenanceRequestException {
        if (field == null || field.isBlank()) {
            throw new MalformedMaintenanceRequestException(name + " is missing or blank");
        }
    }
}
