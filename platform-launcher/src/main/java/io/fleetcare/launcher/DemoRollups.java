package io.fleetcare.launcher;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.fleet.SimulatedDevice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's year of history, straight into the stream job's rollup table {@value #ROLLUP_TABLE} (the service API
 * has no write path for telemetry; only the job writes readings): one batch insert per device of the hours
 * {@link DemoHistory} makes up, never overwriting a row the live pipeline wrote.
 */
final class DemoRollups {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRollups.class);

    static final String ROLLUP_TABLE = "telemetry.reading_hourly";
    private static final String INSERT_ROLLUPS = """
            INSERT INTO telemetry.reading_hourly (device_id, metric, bucket, min_value, max_value, sum_value, count)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::float8[], ?::float8[],
                                 ?::float8[], ?::int8[])
            ON CONFLICT (device_id, metric, bucket) DO NOTHING""";

    private DemoRollups() {
    }

    /**
     * Writes a year of hourly rollups, up to {@code now}, for every device of the plans; rows already there are kept.
     *
     * @param hotBox the overheating set-top box, whose history shows it; null when none
     * @return the rows written; 0 when the store has no rollup table (TimescaleDB layout)
     * @throws IllegalStateException when the store cannot be reached or refuses the rows
     */
    static long write(DemoSeeder.TelemetryStore store, FleetPlan boxes, FleetPlan chargers, String hotBox,
            Instant now, long seed) {
        try (Connection db = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password())) {
            if (!tableExists(db)) {
                LOG.info("no {} (TimescaleDB layout?): the demo's year of history is left out", ROLLUP_TABLE);
                return 0;
            }
            long rows = 0;
            for (SimulatedDevice box : boxes.devices()) {
                rows += insert(db, DemoHistory.of(box.deviceId(), box.deviceId().equals(hotBox)
                        ? DemoHistory.Profile.OVERHEATING_SET_TOP_BOX : DemoHistory.Profile.SET_TOP_BOX, now, seed));
            }
            for (ChargerSpec charger : chargers.chargers()) {
                rows += insert(db, DemoHistory.of(charger.chargePointId(), DemoHistory.Profile.CHARGER, now, seed));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the demo's hourly rollups: " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT to_regclass('" + ROLLUP_TABLE + "')");
                ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getString(1) != null;
        }
    }

    private static long insert(Connection db, List<DemoHistory.Hour> hours) throws SQLException {
        int n = hours.size();
        String[] devices = new String[n];
        String[] metrics = new String[n];
        String[] buckets = new String[n];
        Double[] min = new Double[n];
        Double[] max = new Double[n];
        Double[] sum = new Double[n];
        Long[] count = new Long[n];
        for (int i = 0; i < n; i++) {
            DemoHistory.Hour h = hours.get(i);
            devices[i] = h.deviceId();
            metrics[i] = h.metric();
            buckets[i] = h.bucket().toString();
            min[i] = h.min();
            max[i] = h.max();
            sum[i] = h.sum();
            count[i] = h.count();
        }
        try (PreparedStatement st = db.prepareStatement(INSERT_ROLLUPS)) {
            st.setArray(1, db.createArrayOf("text", devices));
            st.setArray(2, db.createArrayOf("text", metrics));
            st.setArray(3, db.createArrayOf("text", buckets));
            st.setArray(4, db.createArrayOf("float8", min));
            st.setArray(5, db.createArrayOf("float8", max));
            st.setArray(6, db.createArrayOf("float8", sum));
            st.setArray(7, db.createArrayOf("int8", count));
            return st.executeUpdate();
        }
    }
}
