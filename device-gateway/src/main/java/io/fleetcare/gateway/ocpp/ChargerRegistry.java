package io.fleetcare.gateway.ocpp;

import java.util.Optional;

/**
 * The chargers that may connect. The gateway asks it once per connection attempt, before the
 * WebSocket opens. Today {@link ConfiguredChargerRegistry} reads them from configuration; a registry
 * backed by the service API's device records replaces it later.
 */
public interface ChargerRegistry {

    /**
     * @param chargePointId the identity from the URL; never null
     * @return the charger, or empty when it is not known; never null
     */
    Optional<Charger> find(String chargePointId);
}
