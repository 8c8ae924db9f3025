-- Remote diagnostics (issue 5): commands sent to devices through Kafka device.commands and the outcome
-- the gateway reports on device.command-results.

CREATE TABLE device_command (
    command_id        uuid        PRIMARY KEY,
    device_id         text        NOT NULL,
    command           text        NOT NULL,
    params            jsonb       NOT NULL DEFAULT '{}',
    requested_by      text        NOT NULL,
    requested_at      timestamptz NOT NULL,
    timeout_seconds   integer     NOT NULL,
    status            text        NOT NULL,
    result_payload    jsonb,
    result_at         timestamptz,
    result_received_at timestamptz,
    CONSTRAINT device_command_status_ck CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'TIMED_OUT', 'FAILED',
                                                          'COMPLETED')),
    CONSTRAINT device_command_timeout_ck CHECK (timeout_seconds > 0)
);

CREATE INDEX device_command_device_idx ON device_command (device_id, requested_at DESC);
