package io.fleetcare.stream.telemetry;

/**
 * How readings are stored and rolled up; chosen once, when the schema is first created.
 */
public enum StorageLayout {

    /**
     * The TimescaleDB extension is present: a hypertable with compression and retention policies,
     * and continuous aggregates ({@code telemetry.reading_minutely}, {@code telemetry.reading_hourly_stats}).
     */
    TIMESCALEDB("timescaledb/V2__hypertable_compression_retention_aggregates.sql", """
            INSERT INTO telemetry.reading (device_id, metric, ts, value)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::float8[])
            ON CONFLICT (device_id, metric, ts) DO NOTHING"""),

    /**
     * Plain PostgreSQL: a BRIN index on time, and hourly rollups in {@code telemetry.reading_hourly}
     * that the reading sink maintains in the statement that inserts the readings, counting only
     * readings that were not stored before — replays leave the rollups as they are. The readings of
     * one batch are summed per device, metric and hour first, so each rollup row is upserted once
     * per batch.
     */
    PLAIN_POSTGRESQL("plain/V2__brin_and_hourly_rollup.sql", """
            WITH inserted AS (
                INSERT INTO telemetry.reading (device_id, metric, ts, value)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::float8[])
                ON CONFLICT (device_id, metric, ts) DO NOTHING
                RETURNING device_id, metric, ts, value)
            INSERT INTO telemetry.reading_hourly AS h (device_id, metric, bucket, min_value, max_value, sum_value, count)
            SELECT device_id, metric, date_trunc('hour', ts, 'UTC'), min(value), max(value), sum(value), count(*)
              FROM inserted GROUP BY 1, 2, 3
            ON CONFLICT (device_id, metric, bucket) DO UPDATE SET
                min_value = LEAST(h.min_value, EXCLUDED.min_value),
                max_value = GREATEST(h.max_value, EXCLUDED.max_value),
                sum_value = h.sum_value + EXCLUDED.sum_value,
                count = h.count + EXCLUDED.count""");

    private final String layoutScript;
    private final String insertReading;

    StorageLayout(String layoutScript, String insertReading) {
        this.layoutScript = layoutScript;
        this.insertReading = insertReading;
    }

    /** Version 2 of the schema, specific to this layout: a path under {@code db/telemetry/}. */
    String layoutScript() {
        return layoutScript;
    }

    /**
     * Idempotent statement storing a batch of readings in one go (a reading already stored, or twice in the batch,
     * is stored once); parameters, one array element per reading: device ids ({@code text[]}), metrics
     * ({@code text[]}), times as ISO-8601 instants ({@code text[]}), values ({@code float8[]}).
     */
    public String insertReadingsSql() {
        return insertReading;
    }
}
