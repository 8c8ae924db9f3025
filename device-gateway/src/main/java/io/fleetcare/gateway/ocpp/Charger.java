package io.fleetcare.gateway.ocpp;

import java.util.Objects;

/**
 * A charger the platform knows.
 *
 * @param chargePointId the OCPP identity, the last path segment of its WebSocket URL; never null
 * @param model         its model as registered; may be null
 * @param passwordHash  bcrypt or {@code $7$} (PBKDF2-SHA512, Mosquitto) hash of its security-profile-1 password
 *                      (HTTP Basic), see {@link PasswordHash}; never null
 */
public record Charger(String chargePointId, String model, String passwordHash) {
    public Charger {
        Objects.requireNonNull(chargePointId, "chargePointId");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
