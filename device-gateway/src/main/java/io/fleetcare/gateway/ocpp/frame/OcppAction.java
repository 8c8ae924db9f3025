package io.fleetcare.gateway.ocpp.frame;

import java.util.Optional;

/**
 * Every action of OCPP 1.6 (Core, Firmware Management, Local Auth List Management, Reservation,
 * Smart Charging and Remote Trigger profiles), with the side that initiates it. The constants are
 * spelled exactly as the action names on the wire.
 */
public enum OcppAction {
    // initiated by the charge point
    Authorize(Initiator.CHARGE_POINT),
    BootNotification(Initiator.CHARGE_POINT),
    DataTransfer(Initiator.EITHER),
    DiagnosticsStatusNotification(Initiator.CHARGE_POINT),
    FirmwareStatusNotification(Initiator.CHARGE_POINT),
    Heartbeat(Initiator.CHARGE_POINT),
    MeterValues(Initiator.CHARGE_POINT),
    StartTransaction(Initiator.CHARGE_POINT),
    StatusNotification(Initiator.CHARGE_POINT),
    StopTransaction(Initiator.CHARGE_POINT),
    // initiated by the central system
    CancelReservation(Initiator.CENTRAL_SYSTEM),
    ChangeAvailability(Initiator.CENTRAL_SYSTEM),
    ChangeConfiguration(Initiator.CENTRAL_SYSTEM),
    ClearCache(Initiator.CENTRAL_SYSTEM),
    ClearChargingProfile(Initiator.CENTRAL_SYSTEM),
    GetCompositeSchedule(Initiator.CENTRAL_SYSTEM),
    GetConfiguration(Initiator.CENTRAL_SYSTEM),
    GetDiagnostics(Initiator.CENTRAL_SYSTEM),
    GetLocalListVersion(Initiator.CENTRAL_SYSTEM),
    RemoteStartTransaction(Initiator.CENTRAL_SYSTEM),
    RemoteStopTransaction(Initiator.CENTRAL_SYSTEM),
    ReserveNow(Initiator.CENTRAL_SYSTEM),
    Reset(Initiator.CENTRAL_SYSTEM),
    SendLocalList(Initiator.CENTRAL_SYSTEM),
    SetChargingProfile(Initiator.CENTRAL_SYSTEM),
    TriggerMessage(Initiator.CENTRAL_SYSTEM),
    UnlockConnector(Initiator.CENTRAL_SYSTEM),
    UpdateFirmware(Initiator.CENTRAL_SYSTEM);

    /** Which side sends the CALL of an action. */
    public enum Initiator { CHARGE_POINT, CENTRAL_SYSTEM, EITHER }

    private final Initiator initiator;

    OcppAction(Initiator initiator) {
        this.initiator = initiator;
    }

    public Initiator initiator() {
        return initiator;
    }

    /**
     * @param wire the action name as sent, case-sensitive; may be null
     * @return the action, or empty when OCPP 1.6 does not define it
     */
    public static Optional<OcppAction> fromWire(String wire) {
        for (OcppAction action : values()) {
            if (action.name().equals(wire)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
