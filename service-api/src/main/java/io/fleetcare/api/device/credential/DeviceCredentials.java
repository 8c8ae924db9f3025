package io.fleetcare.api.device.credential;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.DeviceNotFoundException;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.events.DeviceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Issues and rotates device secrets. A secret is 192 random bits (32 characters of base64url), made here, shown once
 * to the administrator who asked, and kept only as a {@code $7$} hash plus, for set-top boxes, sealed under the
 * storage key (CoAP DTLS-PSK needs the key itself). Each change is published on the credentials topic before the
 * transaction commits, so a credential Kafka did not take is not issued either.
 */
@ApplicationScoped
public class DeviceCredentials {

    private static final Logger LOG = Logger.getLogger(DeviceCredentials.class);
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceCredentialRepository credentials;

    @Inject
    CredentialPublisher publisher;

    @Inject
    DeviceCredentialConfig config;

    @Inject
    Clock clock;

    /**
     * Gives the device a new secret; the previous one stops working at the gateway and the broker as soon as they
     * read the change.
     *
     * @param caller who issues it; never null
     * @return the new secret with its metadata; never null
     * @throws DeviceNotFoundException            when the device is not registered
     * @throws CredentialNotDistributedException when no keys are configured or Kafka did not take the change (then
     *                                           nothing changed)
     */
    @Transactional
    public IssuedCredentialView rotate(String deviceId, Caller caller) {
        SealedSecret storage = sealer(config.storageKey(), "storage-key");
        SealedSecret transport = sealer(config.transportKey(), "transport-key");
        Device device = Optional.ofNullable(devices.getEntityManager()
                        .find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new DeviceNotFoundException(deviceId));
        Optional<DeviceCredential> known = credentials.findCurrent(deviceId);
        String secret = newSecret();
        boolean coap = device.deviceType() == DeviceType.SET_TOP_BOX;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int version = known.map(DeviceCredential::version).orElse(0) + 1;
        String hash = DeviceSecretHash.of(secret);
        String sealedPsk = coap ? storage.seal(secret, deviceId, version) : null;
        if (known.isPresent()) {
            known.get().rotate(hash, sealedPsk, now, caller.username());
        } else {
            credentials.persist(new DeviceCredential(deviceId, hash, sealedPsk, now, caller.username()));
        }
        credentials.logRotation(deviceId, version, now, caller.username());
        credentials.flush();
        try {
            publisher.publish(new DeviceCredentialMessage(deviceId, device.deviceType(), device.model(), version, hash,
                    coap ? transport.seal(secret, deviceId, version) : null, now));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Credential version %d of device %s could not be published; not issued", version, deviceId);
            throw new CredentialNotDistributedException("The new credential of device " + deviceId
                    + " could not be handed to the gateways; the previous one stays valid. Try again.");
        }
        LOG.infof("Credential version %d issued for device %s by %s", version, deviceId, caller.username());
        return new IssuedCredentialView(deviceId, version, secret, coap, now, caller.username());
    }

    /**
     * @throws DeviceNotFoundException      when the device is not registered
     * @throws CredentialNotIssuedException when it has no credential yet
     */
    @Transactional
    public CredentialView describe(String deviceId) {
        if (devices.findDevice(deviceId).isEmpty()) {
            throw new DeviceNotFoundException(deviceId);
        }
        DeviceCredential credential = credentials.findCurrent(deviceId)
                .orElseThrow(() -> new CredentialNotIssuedException(deviceId));
        return new CredentialView(deviceId, credential.version(), credential.sealedPsk() != null,
                credential.rotatedAt(), credential.rotatedBy(), credentials.rotations(deviceId));
    }

    private static SealedSecret sealer(Optional<String> key, String name) {
        if (key.isEmpty() || key.get().isBlank()) {
            throw new CredentialNotDistributedException("Device credentials are not configured on this service "
                    + "(fleetcare.device-credentials." + name + " is missing).");
        }
        return new SealedSecret(key.get());
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
