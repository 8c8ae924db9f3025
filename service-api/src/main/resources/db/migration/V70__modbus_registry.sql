-- Modbus registry (issue 17): how the gateways reach each Modbus TCP device of the device registry, and the
-- register-map profiles registered through the API. The API publishes every change to the compacted topics
-- modbus.devices / modbus.register-maps (event-contracts ModbusRegistration / ModbusRegisterMap), which the gateways
-- read at runtime; these tables are what the API answers and validates with.

CREATE TABLE modbus_register_map (
    name           text        PRIMARY KEY,
    -- the ModbusRegisterMap as published (JSON)
    definition     text        NOT NULL,
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE modbus_device (
    device_id          text        PRIMARY KEY REFERENCES device (id),
    host               text        NOT NULL,
    port               integer     NOT NULL,
    unit_id            integer     NOT NULL,
    -- a registered map or one built into every gateway (charger-default)
    profile            text        NOT NULL,
    poll_interval_ms   bigint      NOT NULL,
    updated_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT modbus_device_port_ck CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT modbus_device_unit_ck CHECK (unit_id BETWEEN 0 AND 255),
    CONSTRAINT modbus_device_interval_ck CHECK (poll_interval_ms BETWEEN 100 AND 3600000)
);
CREATE INDEX modbus_device_profile_idx ON modbus_device (profile);
