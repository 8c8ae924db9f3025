package io.fleetcare.api.command;

import io.fleetcare.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code device_command} table, in plain SQL. Every method fails with {@link IllegalStateException}. */
@ApplicationScoped
public class CommandStore {

    private static final String COLUMNS = "command_id, device_id, command, params::text, requested_by, requested_at,"
            + " timeout_seconds, status, result_payload::text, result_at, result_received_at";

    @Inject
    DataSource dataSource;

    /** Stores a new command as PENDING. */
    public void insert(DeviceCommandMessage command) {
        String sql = "INSERT INTO device_command (command_id, device_id, command, params, requested_by, requested_at,"
                + " timeout_seconds, status) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, 'PENDING')";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, command.commandId());
            st.setString(2, command.deviceId());
            st.setString(3, command.command().name());
            st.setString(4, EventCodec.encodeToString(command.params()));
            st.setString(5, command.requestedBy());
            st.setTimestamp(6, Timestamp.from(command.requestedAt()));
            st.setInt(7, command.timeoutSeconds());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store command " + command.commandId(), e);
        }
    }

    /**
     * Records an outcome unless the command already has a final one (a replayed or late result changes nothing).
     *
     * @return whether the command changed
     */
    public boolean recordResult(UUID commandId, CommandStatus status, Map<String, Object> payload, Instant at,
            Instant receivedAt) {
        String sql = "UPDATE device_command SET status = ?, result_payload = ?::jsonb, result_at = ?,"
                + " result_received_at = ? WHERE command_id = ? AND status IN ('PENDING', 'ACCEPTED')"
                + " AND NOT (status = ? AND result_at IS NOT DISTINCT FROM ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, status.name());
            st.setString(2, payload == null ? null : EventCodec.encodeToString(payload));
            st.setTimestamp(3, Timestamp.from(at));
            st.setTimestamp(4, Timestamp.from(receivedAt));
            st.setObject(5, commandId);
            st.setString(6, status.name());
            st.setTimestamp(7, Timestamp.from(at));
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the result of command " + commandId, e);
        }
    }

    public Optional<CommandView> find(UUID commandId) {
        List<CommandView> found = query("SELECT " + COLUMNS + " FROM device_command WHERE command_id = ?", commandId);
        return found.stream().findFirst();
    }

    /** @return the device's commands, most recently requested first */
    public List<CommandView> ofDevice(String deviceId, int limit) {
        return query("SELECT " + COLUMNS + " FROM device_command WHERE device_id = ?"
                + " ORDER BY requested_at DESC, command_id LIMIT ?", deviceId, limit);
    }

    private List<CommandView> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<CommandView> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(view(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read commands", e);
        }
    }

    private static CommandView view(ResultSet rs) throws SQLException {
        Timestamp resultAt = rs.getTimestamp(10);
        CommandView.Result result = resultAt == null ? null
                : new CommandView.Result(map(rs.getString(9)), resultAt.toInstant(), rs.getTimestamp(11).toInstant());
        return new CommandView(rs.getObject(1, UUID.class), rs.getString(2), DiagnosticCommand.valueOf(rs.getString(3)),
                map(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                CommandStatus.valueOf(rs.getString(8)), result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return json == null ? null : EventCodec.decode(json, Map.class);
    }
}
