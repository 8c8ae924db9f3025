-- TimescaleDB: readings become a hypertable of daily chunks, compressed after 7 days
-- (segmented by device and metric) and dropped after 400 days.
SELECT create_hypertable('telemetry.reading', 'ts', chunk_time_interval => INTERVAL '1 day',
                         if_not_exists => TRUE, migrate_data => TRUE);

ALTER TABLE telemetry.reading SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'device_id, metric', timescaledb.compress_orderby = 'ts DESC');

SELECT add_compression_policy('telemetry.reading', INTERVAL '7 days', if_not_exists => TRUE);

SELECT add_retention_policy('telemetry.reading', INTERVAL '400 days', if_not_exists => TRUE);

-- Continuous aggregates for 1-minute and 1-hour rollups, refreshed by background policies.
CREATE MATERIALIZED VIEW IF NOT EXISTS telemetry.reading_minutely
WITH (timescaledb.continuous) AS
SELECT device_id, metric, time_bucket(INTERVAL '1 minute', ts) AS bucket,
       min(value) AS min_value, max(value) AS max_value, avg(value) AS avg_value, count(*) AS count
FROM telemetry.reading
GROUP BY device_id, metric, time_bucket(INTERVAL '1 minute', ts)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('telemetry.reading_minutely', start_offset => INTERVAL '2 hours',
    end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute', if_not_exists => TRUE);

CREATE MATERIALIZED VIEW IF NOT EXISTS telemetry.reading_hourly_stats
WITH (timescaledb.continuous) AS
SELECT device_id, metric, time_bucket(INTERVAL '1 hour', ts) AS bucket,
       min(value) AS min_value, max(value) AS max_value, avg(value) AS avg_value, count(*) AS count
FROM telemetry.reading
GROUP BY device_id, metric, time_bucket(INTERVAL '1 hour', ts)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('telemetry.reading_hourly_stats', start_offset => INTERVAL '3 days',
    end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '30 minutes', if_not_exists => TRUE);
