-- The current state of every alert episode (one row per alert id), upserted from the alerts the
-- job emits; an older or repeated alert never overwrites a newer state.
CREATE TABLE IF NOT EXISTS telemetry.alert_state (
    alert_id      text        PRIMARY KEY,
    device_id     text        NOT NULL,
    rule_id       text        NOT NULL,
    severity      text        NOT NULL,
    state         text        NOT NULL,
    episode_start timestamptz NOT NULL,
    changed_at    timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS alert_state_open_by_device ON telemetry.alert_state (device_id) WHERE state = 'RAISED';

-- Latest state of each device with the number of its alerts that are raised and not cleared.
CREATE OR REPLACE VIEW telemetry.device_health AS
SELECT s.*, COALESCE(o.open_alerts, 0) AS open_alerts
FROM telemetry.device_state s
LEFT JOIN (SELECT device_id, count(*) AS open_alerts FROM telemetry.alert_state
           WHERE state = 'RAISED' GROUP BY device_id) o USING (device_id);
