-- One row per metric reading. The primary key is the natural key of a reading and the index that
-- per-device time-range queries use: WHERE device_id = ? AND metric = ? AND ts BETWEEN ? AND ?.
CREATE TABLE IF NOT EXISTS telemetry.reading (
    device_id text             NOT NULL,
    metric    text             NOT NULL,
    ts        timestamptz      NOT NULL,
    value     double precision NOT NULL,
    PRIMARY KEY (device_id, metric, ts)
);

-- The latest known state of each device, upserted by the job. Each part keeps its own time so a
-- late event never overwrites something newer.
CREATE TABLE IF NOT EXISTS telemetry.device_state (
    device_id    text        PRIMARY KEY,
    device_type  text        NOT NULL,
    model        text,
    last_seen    timestamptz NOT NULL,
    last_kind    text        NOT NULL,
    last_metrics jsonb,
    metrics_at   timestamptz,
    last_status  jsonb,
    status_at    timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
