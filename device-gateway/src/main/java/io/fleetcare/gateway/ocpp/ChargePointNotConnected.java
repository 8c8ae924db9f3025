package io.fleetcare.gateway.ocpp;

/** A call was addressed to a charge point that has no open connection to this gateway instance. */
public final class ChargePointNotConnected extends RuntimeException {

    public ChargePointNotConnected(String chargePointId) {
        super("charge point " + chargePointId + " is not connected", null, false, false);
    }
}
