package io.fleetcare.api.web;

import io.fleetcare.events.DeviceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the fleet per device kind from the device registry, the stream jobs' {@code telemetry.device_state} (who
 * was heard from when) and the raised alerts. A device is known when it is registered or has reported; without the
 * telemetry store (the job never ran against this database) every registered device counts as offline.
 */
@ApplicationScoped
public class FleetStatusReader {

    private static final String COUNT = """
            WITH fleet AS (
                SELECT DISTINCT ON (device_id) device_id, device_type
                  FROM (SELECT id AS device_id, device_type, 0 AS preference FROM device
                        %s) known
                 ORDER BY device_id, preference),
            raised AS (SELECT DISTINCT device_id FROM alert WHERE state = 'RAISED')
            SELECT f.device_type,
                   count(*) FILTER (WHERE s.last_seen IS NULL OR s.last_seen < ?) AS offline,
                   count(*) FILTER (WHERE s.last_seen >= ? AND r.device_id IS NOT NULL) AS faulted,
                   count(*) FILTER (WHERE s.last_seen >= ? AND r.device_id IS NULL) AS online
              FROM fleet f
              LEFT JOIN %s s ON s.device_id = f.device_id
              LEFT JOIN raised r ON r.device_id = f.device_id
             GROUP BY f.device_type""";
    private static final String REPORTED =
            "UNION ALL SELECT device_id, device_type, 1 FROM telemetry.device_state";
    private static final String SEEN = "telemetry.device_state";
    private static final String NEVER_SEEN = "(SELECT NULL::text AS device_id, NULL::timestamptz AS last_seen)";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "fleetcare.web.offline-after", defaultValue = "PT5M")
    Duration offlineAfter;

    /**
     * @return the counters now; never null
     * @throws IllegalStateException when the database cannot be read
     */
    public FleetCountersView count() {
        Instant now = clock.instant();
        Map<DeviceType, FleetCountersView.Kind> counted = new EnumMap<>(DeviceType.class);
        try (Connection connection = dataSource.getConnection()) {
            boolean telemetry = telemetryStoreExists(connection);
            String sql = COUNT.formatted(telemetry ? REPORTED : "", telemetry ? SEEN : NEVER_SEEN);
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                Timestamp since = Timestamp.from(now.minus(offlineAfter));
                st.setTimestamp(1, since);
                st.setTimestamp(2, since);
                st.setTimestamp(3, since);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        DeviceType type = DeviceType.valueOf(rs.getString(1));
                        counted.put(type, new FleetCountersView.Kind(type, rs.getLong(4), rs.getLong(2),
                                rs.getLong(3)));
                    }
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new IllegalStateException("fleet counters could not be read", e);
        }
        List<FleetCountersView.Kind> kinds = new ArrayList<>();
        for (DeviceType type : DeviceType.values()) {
            if (!type.isFieldDevice()) {
                continue; // platform components are in no fleet
            }
            kinds.add(counted.getOrDefault(type, new FleetCountersView.Kind(type, 0, 0, 0)));
        }
        return new FleetCountersView(now, offlineAfter, kinds);
    }

    private static boolean telemetryStoreExists(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT to_regclass('telemetry.device_state')");
                ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getString(1) != null;
        }
    }
}
