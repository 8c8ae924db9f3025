-- Device credentials (issues 5 and 7): the current secret of each device, stored only in forms that cannot be
-- logged in with: a $7$ PBKDF2-SHA512 hash (MQTT broker and OCPP) and, for set-top boxes (CoAP DTLS-PSK needs the
-- key itself), the secret sealed with AES-256-GCM under fleetcare.device-credentials.storage-key.

CREATE TABLE device_credential (
    device_id    text        PRIMARY KEY REFERENCES device (id),
    version      integer     NOT NULL,
    secret_hash  text        NOT NULL,
    sealed_psk   text,
    rotated_at   timestamptz NOT NULL,
    rotated_by   text        NOT NULL,
    CONSTRAINT device_credential_version_ck CHECK (version > 0),
    CONSTRAINT device_credential_hash_ck CHECK (secret_hash LIKE '$7$%'),
    CONSTRAINT device_credential_psk_ck CHECK (sealed_psk IS NULL OR sealed_psk LIKE 'v1.%')
);

-- Every issue and rotation, who and when (no secret material); rows are only ever added.
CREATE TABLE device_credential_rotation (
    device_id    text        NOT NULL REFERENCES device (id),
    version      integer     NOT NULL,
    rotated_at   timestamptz NOT NULL,
    rotated_by   text        NOT NULL,
    PRIMARY KEY (device_id, version)
);
