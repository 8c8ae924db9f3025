package io.fleetcare.gateway.credential;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The credentials the service API issued, as far as this gateway has read them: the latest version of each device.
 * For a device listed here they replace what configuration and the launcher's files say, for OCPP and CoAP alike.
 * Held in memory only; every start reads the compacted topic again from its beginning.
 */
@ApplicationScoped
public class IssuedCredentials {

    private final ConcurrentMap<String, IssuedCredential> current = new ConcurrentHashMap<>();

    /**
     * Takes a credential unless a newer or equal version of the device is known already.
     *
     * @return whether it was taken
     */
    public boolean apply(IssuedCredential credential) {
        IssuedCredential kept = current.merge(credential.deviceId(), credential,
                (known, offered) -> offered.version() > known.version() ? offered : known);
        return kept == credential;
    }

    /**
     * @param deviceId may be null
     * @return the device's current issued credential; empty when none was issued (or read yet); never null
     */
    public Optional<IssuedCredential> find(String deviceId) {
        return deviceId == null ? Optional.empty() : Optional.ofNullable(current.get(deviceId));
    }

    /** How many devices have an issued credential here. */
    public int size() {
        return current.size();
    }
}
