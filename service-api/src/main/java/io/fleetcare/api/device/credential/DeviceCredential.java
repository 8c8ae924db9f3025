package io.fleetcare.api.device.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current credential of one device: hash, sealed pre-shared key and who issued it when. Never leaves here. */
@Entity
@Table(name = "device_credential")
public class DeviceCredential {

    @Id
    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "sealed_psk")
    private String sealedPsk;

    @Column(name = "rotated_at", nullable = false)
    private Instant rotatedAt;

    @Column(name = "rotated_by", nullable = false)
    private String rotatedBy;

    protected DeviceCredential() {
    }

    /** The device's first credential, version 1. */
    DeviceCredential(String deviceId, String secretHash, String sealedPsk, Instant at, String by) {
        this.deviceId = deviceId;
        this.version = 1;
        this.secretHash = secretHash;
        this.sealedPsk = sealedPsk;
        this.rotatedAt = at;
        this.rotatedBy = by;
    }

    void rotate(String secretHash, String sealedPsk, Instant at, String by) {
        this.version++;
        this.secretHash = secretHash;
        this.sealedPsk = sealedPsk;
        this.rotatedAt = at;
        this.rotatedBy = by;
    }

    String deviceId() {
        return deviceId;
    }

    int version() {
        return version;
    }

    String secretHash() {
        return secretHash;
    }

    /** Sealed under the storage key for this device and version; null when the device needs no CoAP key. */
    String sealedPsk() {
        return sealedPsk;
    }

    Instant rotatedAt() {
        return rotatedAt;
    }

    String rotatedBy() {
        return rotatedBy;
    }
}
