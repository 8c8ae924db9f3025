package io.fleetcare.api.device.history;

import io.fleetcare.api.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The open tickets of a device that a SCHEDULED or PREVENTIVE maintenance request opened. */
@ApplicationScoped
public class DueMaintenanceReader {

    private static final String QUERY = """
            SELECT t.number, t.status, min(r.kind), t.problem, t.opened_at, min(r.predicted_at) AS predicted
              FROM ticket t JOIN ticket_source_request r ON r.ticket_id = t.id
             WHERE t.device_id = ? AND t.status NOT IN ('CLOSED', 'CANCELLED')
               AND r.kind IN ('SCHEDULED', 'PREVENTIVE')
             GROUP BY t.id
             ORDER BY predicted NULLS LAST, t.opened_at""";

    @Inject
    DataSource dataSource;

    /**
     * @param deviceId never null
     * @return earliest predicted first; never null
     * @throws IllegalStateException when the tickets cannot be read
     */
    public List<DeviceHistoryView.Due> due(String deviceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setString(1, deviceId);
            List<DeviceHistoryView.Due> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp predicted = rs.getTimestamp(6);
                    due.add(new DeviceHistoryView.Due(rs.getString(1), TicketStatus.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            predicted == null ? null : predicted.toInstant()));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Due maintenance of device " + deviceId + " could not be read", e);
        }
    }
}
