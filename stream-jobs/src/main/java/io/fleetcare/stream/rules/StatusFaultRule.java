package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Faults a device reports in its status, in the OCPP 1.6 StatusNotification sense: a status whose
 * error code is not {@value #NO_ERROR}, or whose state is {@value #FAULTED}, is a fault of that
 * connector; a status with {@value #NO_ERROR} and any other state says the connector is healthy.
 *
 * @param id                      unique rule id; never null
 * @param description             what the rule watches, for people; never null (may be empty)
 * @param scope                   the devices the rule watches; never null
 * @param errorCodes              severity per error code; never null, never contains {@value #NO_ERROR}
 * @param otherErrorCodes         severity of an error code not listed in {@code errorCodes}; never null
 * @param faultedWithoutErrorCode severity of state {@value #FAULTED} reported with {@value #NO_ERROR}
 *                                or without an error code; never null
 * @param ticketFor               severities whose faults also open a corrective maintenance request; never null
 */
public record StatusFaultRule(
        String id,
        String description,
        DeviceScope scope,
        Map<String, Severity> errorCodes,
        Severity otherErrorCodes,
        Severity faultedWithoutErrorCode,
        Set<Severity> ticketFor) implements HealthRule {

    /** The error code of a healthy status. */
    public static final String NO_ERROR = "NoError";
    /** The state of a connector that cannot be used because of a fault. */
    public static final String FAULTED = "Faulted";

    /** The fifteen OCPP 1.6 ChargePointErrorCode values other than {@value #NO_ERROR}. */
    public static final List<String> OCPP16_ERROR_CODES = List.of(
            "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
            "InternalError", "LocalListConflict", "OtherError", "OverCurrentFailure", "OverVoltage",
            "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage",
            "WeakSignal");

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when {@code errorCodes} maps {@value #NO_ERROR}
     */
    public StatusFaultRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        errorCodes = Map.copyOf(errorCodes);
        Objects.requireNonNull(otherErrorCodes, "otherErrorCodes");
        Objects.requireNonNull(faultedWithoutErrorCode, "faultedWithoutErrorCode");
        ticketFor = Set.copyOf(ticketFor);
        if (errorCodes.containsKey(NO_ERROR)) {
            throw new IllegalArgumentException(id + ": '" + NO_ERROR + "' is the healthy code and has no severity");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /**
     * The fault a status reports, or null when the status is healthy.
     *
     * @param state     the reported state; may be null
     * @param errorCode the reported error code; may be null
     * @return the fault code: the error code, or {@value #FAULTED} for a faulted state without one
     */
    public static String faultCode(String state, String errorCode) {
        boolean noErrorCode = errorCode == null || errorCode.isBlank() || NO_ERROR.equals(errorCode);
        if (!noErrorCode) {
            return errorCode;
        }
        return FAULTED.equals(state) ? FAULTED : null;
    }

    /** The severity of a fault code as returned by {@link #faultCode}. */
    public Severity severityOf(String faultCode) {
        if (FAULTED.equals(faultCode)) {
            return faultedWithoutErrorCode;
        }
        return errorCodes.getOrDefault(faultCode, otherErrorCodes);
    }

    /** Whether a fault of this severity opens a maintenance request. */
    public boolean opensTicket(Severity severity) {
        return ticketFor.contains(severity);
    }

    /** The entry of a status fault rule under {@code statusFaults} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            Map<String, String> errorCodes,
            String otherErrorCodes,
            String faultedWithoutErrorCode,
            List<String> ticketFor) implements HealthRule.Entry<StatusFaultRule> {

        @Override
        public StatusFaultRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            Map<String, Severity> codes = check.severities(errorCodes, "errorCodes");
            for (String code : codes.keySet()) {
                if (NO_ERROR.equals(code)) {
                    check.problem("'errorCodes' must not map '" + NO_ERROR + "', which is the healthy code");
                } else if (!OCPP16_ERROR_CODES.contains(code)) {
                    check.problem("'errorCodes' has '" + code + "', which is not an OCPP 1.6 error code "
                            + OCPP16_ERROR_CODES);
                }
            }
            Severity other = check.severity(otherErrorCodes, "otherErrorCodes");
            Severity faulted = check.severity(faultedWithoutErrorCode, "faultedWithoutErrorCode");
            Set<Severity> tickets = check.ticketFor(ticketFor);
            if (check.failed()) {
                return null;
            }
            return new StatusFaultRule(id, description, EntryCheck.scope(type, models), codes, other, faulted,
                    tickets);
        }
    }
}
