-- Plain PostgreSQL: readings arrive roughly in time order, so a BRIN index on ts stays tiny and
-- serves fleet-wide time-range scans; per-device ranges use the primary key.
CREATE INDEX IF NOT EXISTS reading_ts_brin ON telemetry.reading USING brin (ts);

-- Hourly rollups per device and metric, maintained by the job's reading sink in the same
-- statement that inserts the reading (only readings that were really inserted are counted).
CREATE TABLE IF NOT EXISTS telemetry.reading_hourly (
    device_id text             NOT NULL,
    metric    text             NOT NULL,
    bucket    timestamptz      NOT NULL,
    min_value double precision NOT NULL,
    max_value double precision NOT NULL,
    sum_value double precision NOT NULL,
    count     bigint           NOT NULL,
    PRIMARY KEY (device_id, metric, bucket)
);

CREATE OR REPLACE VIEW telemetry.reading_hourly_stats AS
SELECT device_id, metric, bucket, min_value, max_value, sum_value / count AS avg_value, count
FROM telemetry.reading_hourly;
