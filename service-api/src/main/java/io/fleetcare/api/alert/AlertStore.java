package io.fleetcare.api.alert;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code alert} and {@code alert_note} tables, in plain SQL: storing an alert transition is one
 * {@code INSERT … ON CONFLICT} whose update only fires when the transition is new, which makes replays
 * change nothing. Callers run inside a JTA transaction.
 */
@ApplicationScoped
public class AlertStore {

    private static final String COLUMNS = "alert_id, device_id, device_type, model, rule_id, severity, state,"
            + " episode_start, raised_at, cleared_at, message, raised_evidence::text, cleared_evidence::text,"
            + " received_at";

    private static final String RECORD_RAISED = """
            INSERT INTO alert (alert_id, device_id, device_type, model, rule_id, severity, state, episode_start,
                               raised_at, message, raised_evidence, last_change_at, received_at)
            VALUES (?, ?, ?, ?, ?, ?, 'RAISED', ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (alert_id) DO UPDATE
               SET raised_at = EXCLUDED.raised_at, raised_evidence = EXCLUDED.raised_evidence,
                   message = EXCLUDED.message, severity = EXCLUDED.severity,
                   last_change_at = GREATEST(alert.last_change_at, EXCLUDED.last_change_at)
             WHERE alert.raised_at IS NULL
            RETURNING alert_id""";

    private static final String RECORD_CLEARED = """
            INSERT INTO alert (alert_id, device_id, device_type, model, rule_id, severity, state, episode_start,
                               cleared_at, message, cleared_evidence, last_change_at, received_at)
            VALUES (?, ?, ?, ?, ?, ?, 'CLEARED', ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (alert_id) DO UPDATE
               SET state = 'CLEARED', cleared_at = EXCLUDED.cleared_at, cleared_evidence = EXCLUDED.cleared_evidence,
                   last_change_at = GREATEST(alert.last_change_at, EXCLUDED.last_change_at)
             WHERE alert.cleared_at IS NULL
            RETURNING alert_id""";

    @Inject
    DataSource dataSource;

    /**
     * Stores one transition of an alert episode. RAISED creates the row or fills in the raise of an episode
     * whose CLEARED came first (the state stays CLEARED); CLEARED creates the row or clears it. A transition
     * already stored changes nothing.
     *
     * @param alert      a validated alert; never null
     * @param receivedAt when the service took it in; never null
     * @return whether anything changed
     * @throws IllegalStateException when the database fails
     */
    public boolean record(Alert alert, Instant receivedAt) {
        String sql = alert.state() == Alert.State.RAISED ? RECORD_RAISED : RECORD_CLEARED;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, alert.alertId());
            st.setString(2, alert.deviceId());
            st.setString(3, alert.deviceType().name());
            st.setString(4, alert.model());
            st.setString(5, alert.ruleId());
            st.setString(6, alert.severity().name());
            st.setTimestamp(7, Timestamp.from(alert.episodeStart()));
            st.setTimestamp(8, Timestamp.from(alert.ts()));
            st.setString(9, alert.message());
            st.setString(10, EventCodec.encodeToString(alert.evidence()));
            st.setTimestamp(11, Timestamp.from(alert.ts()));
            st.setTimestamp(12, Timestamp.from(receivedAt));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store alert " + alert.alertId(), e);
        }
    }

    /**
     * @param lock whether to hold the row {@code FOR UPDATE} until the transaction ends
     * @return the alert with its notes, or empty when there is none
     */
    public Optional<AlertView> find(String alertId, boolean lock) {
        String sql = "SELECT " + COLUMNS + " FROM alert WHERE alert_id = ?" + (lock ? " FOR UPDATE" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, alertId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(view(rs, notes(c, alertId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert " + alertId, e);
        }
    }

    /** @return the alerts the filter selects, latest transition first, each with its notes */
    public List<AlertView> search(AlertFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alert WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND state = ?");
            args.add(filter.state().name());
        }
        if (filter.severity() != null) {
            sql.append(" AND severity = ?");
            args.add(filter.severity().name());
        }
        if (filter.deviceId() != null) {
            sql.append(" AND device_id = ?");
            args.add(filter.deviceId());
        }
        if (filter.ruleId() != null) {
            sql.append(" AND rule_id = ?");
            args.add(filter.ruleId());
        }
        if (filter.since() != null) {
            sql.append(" AND last_change_at >= ?");
            args.add(Timestamp.from(filter.since()));
        }
        sql.append(" ORDER BY last_change_at DESC, alert_id LIMIT ?");
        args.add(filter.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            List<AlertView> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(view(rs, notes(c, rs.getString("alert_id"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list alerts", e);
        }
    }

    /**
     * Appends a note; the table refuses to change or delete it later.
     *
     * @throws IllegalStateException when the database fails
     */
    public void addNote(String alertId, AlertNote note) {
        String sql = "INSERT INTO alert_note (alert_id, kind, comment, ticket_number, author, at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, alertId);
            st.setString(2, note.kind().name());
            st.setString(3, note.comment());
            st.setString(4, note.ticketNumber());
            st.setString(5, note.by());
            st.setTimestamp(6, Timestamp.from(note.at()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a note to alert " + alertId, e);
        }
    }

    private static List<AlertNote> notes(Connection c, String alertId) throws SQLException {
        String sql = "SELECT kind, comment, ticket_number, author, at FROM alert_note WHERE alert_id = ? ORDER BY at, id";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, alertId);
            List<AlertNote> notes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    notes.add(new AlertNote(AlertNote.Kind.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return notes;
        }
    }

    private static AlertView view(ResultSet rs, List<AlertNote> notes) throws SQLException {
        AlertNote acknowledgement = notes.stream().filter(n -> n.kind() == AlertNote.Kind.ACKNOWLEDGEMENT)
                .findFirst().orElse(null);
        return new AlertView(rs.getString(1), rs.getString(2), DeviceType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), Severity.valueOf(rs.getString(6)), Alert.State.valueOf(rs.getString(7)),
                instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getString(11), evidence(rs.getString(12)),
                evidence(rs.getString(13)), instant(rs, 14), acknowledgement, notes);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static List<AlertView.Reading> evidence(String json) {
        return Arrays.stream(EventCodec.decode(json, Evidence[].class))
                .map(e -> new AlertView.Reading(e.ts(), e.metric(), e.value(), e.text()))
                .toList();
    }
}
