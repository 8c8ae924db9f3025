package io.fleetcare.api.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Reads the latest state of a device from {@code telemetry.device_state}, the table the stream jobs' telemetry
 * store upserts in the same database. The table belongs to the stream jobs: when it is not there (the job never
 * ran against this database) or cannot be read, the state is simply unknown.
 */
@ApplicationScoped
public class DeviceStateReader {

    private static final Logger LOG = Logger.getLogger(DeviceStateReader.class);
    private static final String QUERY = """
            SELECT last_seen, last_kind, last_metrics::text, metrics_at, last_status::text, status_at
              FROM telemetry.device_state WHERE device_id = ?""";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * @param deviceId never null
     * @return the latest state; empty when the device was never heard from or no telemetry store exists here
     */
    public Optional<LatestDeviceState> latest(String deviceId) {
        try (Connection connection = dataSource.getConnection()) {
            if (!storeExists(connection)) {
                return Optional.empty();
            }
            try (PreparedStatement st = connection.prepareStatement(QUERY)) {
                st.setString(1, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LatestDeviceState(instant(rs, 1), rs.getString(2),
                            metrics(rs.getString(3)), instant(rs, 4), status(rs.getString(5)), instant(rs, 6)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            LOG.warnf("Latest state of device %s could not be read: %s", deviceId, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean storeExists(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT to_regclass('telemetry.device_state')");
                ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getString(1) != null;
        }
    }

    private Map<String, Double> metrics(String text) throws JsonProcessingException {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Double>>() { });
    }

    private Map<String, Object> status(String text) throws JsonProcessingException {
        return text == null ? null : json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
