package io.fleetcare.api.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code site_device}, {@code site_incident} and {@code site_signal} tables (V85), in plain SQL. Callers run
 * inside a JTA transaction; every method throws {@link IllegalStateException} when the database fails.
 */
@ApplicationScoped
public class SiteStore {

    /** What the correlation decided for one device's offline alert. */
    public enum Decision { HELD, SITE, OWN, NONE }

    /** One device's offline alert as the correlation tracks it. */
    public record Signal(String alertId, String deviceId, String siteId, Instant raisedAt, Instant receivedAt,
            Instant clearedAt, Decision decision, Long incidentId, String ticketNumber) {

        SiteOutageRule.Offline offline() {
            return new SiteOutageRule.Offline(alertId, deviceId, raisedAt, receivedAt);
        }
    }

    /** A site outage; {@code closedAt} is null while it is open. */
    public record Incident(long id, String siteId, String alertId, String ticketNumber, Instant startedAt,
            Instant openedAt, Instant closedAt, int peakOffline) {
    }

    private static final String SIGNAL_COLUMNS = "alert_id, device_id, site_id, raised_at, received_at, cleared_at,"
            + " decision, incident_id, ticket_number";
    private static final String INCIDENT_COLUMNS = "id, site_id, alert_id, ticket_number, started_at, opened_at,"
            + " closed_at, peak_offline";

    @Inject
    DataSource dataSource;

    /** Puts the devices at the site, moving any that was at another one. */
    public void assign(String siteId, Collection<String> deviceIds, String by, Instant at) {
        String sql = """
                INSERT INTO site_device (device_id, site_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (device_id) DO UPDATE
                   SET site_id = EXCLUDED.site_id, assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (String device : deviceIds) {
                st.setString(1, device);
                st.setString(2, siteId);
                st.setString(3, by);
                st.setTimestamp(4, Timestamp.from(at));
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not assign devices to site " + siteId, e);
        }
    }

    /** @return the site of the device, or empty when it belongs to none */
    public Optional<String> siteOf(String deviceId) {
        return queryOne("SELECT site_id FROM site_device WHERE device_id = ?", rs -> rs.getString(1), deviceId);
    }

    /** How many devices the site has. */
    public int size(String siteId) {
        return queryOne("SELECT count(*) FROM site_device WHERE site_id = ?", rs -> rs.getInt(1), siteId).orElse(0);
    }

    /** Serializes every change of one site's correlation until the transaction ends (several instances may run). */
    public void lock(String siteId) {
        queryOne("SELECT pg_advisory_xact_lock(hashtext('fleetcare.site:' || ?))", rs -> 1, siteId);
    }

    /** @return whether the signal was new (a replayed alert changes nothing) */
    public boolean insert(Signal s) {
        String sql = "INSERT INTO site_signal (" + SIGNAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (alert_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, s.alertId());
            st.setString(2, s.deviceId());
            st.setString(3, s.siteId());
            st.setTimestamp(4, Timestamp.from(s.raisedAt()));
            st.setTimestamp(5, Timestamp.from(s.receivedAt()));
            st.setTimestamp(6, s.clearedAt() == null ? null : Timestamp.from(s.clearedAt()));
            st.setString(7, s.decision().name());
            st.setObject(8, s.incidentId());
            st.setString(9, s.ticketNumber());
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store site signal " + s.alertId(), e);
        }
    }

    public Optional<Signal> signal(String alertId) {
        return queryOne("SELECT " + SIGNAL_COLUMNS + " FROM site_signal WHERE alert_id = ? FOR UPDATE",
                SiteStore::signal, alertId);
    }

    /** The site's held signals whose device has not come back, oldest first. */
    public List<Signal> held(String siteId) {
        return queryList("SELECT " + SIGNAL_COLUMNS + " FROM site_signal WHERE site_id = ? AND decision = 'HELD'"
                + " AND cleared_at IS NULL ORDER BY received_at, alert_id", SiteStore::signal, siteId);
    }

    /** The signals of an incident whose device has not come back. */
    public List<Signal> stillOffline(long incidentId) {
        return queryList("SELECT " + SIGNAL_COLUMNS + " FROM site_signal WHERE incident_id = ? AND decision = 'SITE'"
                + " AND cleared_at IS NULL ORDER BY alert_id", SiteStore::signal, incidentId);
    }

    /** The sites that have held signals. */
    public List<String> sitesWithHeld() {
        return queryList("SELECT DISTINCT site_id FROM site_signal WHERE decision = 'HELD' AND site_id IS NOT NULL",
                rs -> rs.getString(1));
    }

    public void cleared(String alertId, Instant clearedAt) {
        update("UPDATE site_signal SET cleared_at = ? WHERE alert_id = ? AND cleared_at IS NULL",
                Timestamp.from(clearedAt), alertId);
    }

    public void decide(String alertId, Decision decision, Long incidentId, String ticketNumber) {
        update("UPDATE site_signal SET decision = ?, incident_id = ?, ticket_number = ? WHERE alert_id = ?",
                decision.name(), incidentId, ticketNumber, alertId);
    }

    /** Holds the signal again from {@code at}, as if it had just arrived. */
    public void holdAgain(String alertId, Instant at) {
        update("UPDATE site_signal SET decision = 'HELD', received_at = ? WHERE alert_id = ?", Timestamp.from(at),
                alertId);
    }

    public Optional<Incident> openIncident(String siteId) {
        return queryOne("SELECT " + INCIDENT_COLUMNS + " FROM site_incident WHERE site_id = ? AND closed_at IS NULL",
                SiteStore::incident, siteId);
    }

    public List<Incident> incidents(String siteId, int limit) {
        return queryList("SELECT " + INCIDENT_COLUMNS + " FROM site_incident WHERE site_id = ?"
                + " ORDER BY opened_at DESC, id DESC LIMIT ?", SiteStore::incident, siteId, limit);
    }

    public long insertIncident(String siteId, String alertId, String ticketNumber, Instant startedAt,
            Instant openedAt, int offline) {
        return queryOne("INSERT INTO site_incident (site_id, alert_id, ticket_number, started_at, opened_at,"
                + " peak_offline) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1), siteId, alertId,
                ticketNumber, Timestamp.from(startedAt), Timestamp.from(openedAt), offline).orElseThrow();
    }

    public void peak(long incidentId, int offline) {
        update("UPDATE site_incident SET peak_offline = GREATEST(peak_offline, ?) WHERE id = ?", offline, incidentId);
    }

    public void close(long incidentId, Instant at) {
        update("UPDATE site_incident SET closed_at = ? WHERE id = ?", Timestamp.from(at), incidentId);
    }

    /** Rewrites the message of a site's alert (the count of devices offline changes while it is raised). */
    public void alertMessage(String alertId, String message, Instant at) {
        update("UPDATE alert SET message = ?, last_change_at = GREATEST(last_change_at, ?) WHERE alert_id = ?",
                message, Timestamp.from(at), alertId);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> queryOne(String sql, Row<T> row, Object... args) {
        List<T> found = queryList(sql, row, args);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    private <T> List<T> queryList(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("site correlation could not read: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("site correlation could not write: " + e.getMessage(), e);
        }
    }

    private static Signal signal(ResultSet rs) throws SQLException {
        long incident = rs.getLong(8);
        return new Signal(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6), Decision.valueOf(rs.getString(7)), rs.wasNull() ? null : incident, rs.getString(9));
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), rs.getInt(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
