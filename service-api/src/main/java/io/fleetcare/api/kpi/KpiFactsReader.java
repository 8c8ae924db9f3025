package io.fleetcare.api.kpi;

import io.fleetcare.api.ticket.TicketChannel;
import io.fleetcare.api.ticket.TicketStatus;
import io.fleetcare.api.ticket.sla.SlaBreaches;
import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaMilestones;
import io.fleetcare.api.ticket.sla.SlaPolicy;
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
import javax.sql.DataSource;

/**
 * Reads, in one statement, the facts of every ticket opened, resolved, closed or surveyed in a period, and judges
 * its SLA clocks with the same {@link SlaPolicy} the ticket views use.
 */
@ApplicationScoped
public class KpiFactsReader {

    private static final String QUERY = """
            SELECT t.number, coalesce(t.model, d.model), d.firmware, t.assigned_engineer, t.channel, t.opened_at,
                   t.resolved_at, t.status, t.status_changed_at, t.complaint,
                   t.respond_by, t.answer_by, t.on_site_by, t.repair_by, t.complaint_verify_by,
                   t.acknowledged_at, t.scheduled_at, t.on_site_at,
                   (SELECT count(*) FROM repair_record r WHERE r.ticket_number = t.number AND r.kind = 'REPAIR'),
                   (SELECT count(*) FROM ticket_transition x WHERE x.ticket_id = t.id AND x.to_status = 'ON_SITE'),
                   EXISTS (SELECT 1 FROM ticket_transition x WHERE x.ticket_id = t.id
                              AND x.to_status IN ('ESCALATED', 'ACKNOWLEDGED')
                              AND x.from_status IN ('RESOLVED', 'CUSTOMER_CONFIRMED')),
                   s.attitude, s.skill, s.punctuality, s.result, s.recorded_at,
                   g.due_by, g.processed_at,
                   CASE WHEN lr.at IS NULL THEN t.resolved_at
                        WHEN ro.at IS NULL OR lr.at > ro.at THEN lr.at END
              FROM ticket t
              LEFT JOIN LATERAL (SELECT max(x.at) AS at FROM ticket_transition x
                                  WHERE x.ticket_id = t.id AND x.to_status = 'RESOLVED') lr ON true
              LEFT JOIN LATERAL (SELECT max(x.at) AS at FROM ticket_transition x
                                  WHERE x.ticket_id = t.id AND x.to_status = 'ACKNOWLEDGED'
                                    AND x.from_status IN ('RESOLVED', 'CUSTOMER_CONFIRMED')) ro ON true
              LEFT JOIN device d ON d.id = t.device_id
              LEFT JOIN ticket_survey s ON s.ticket_number = t.number
              LEFT JOIN ticket_returned_goods g ON g.ticket_id = t.id
             WHERE (t.opened_at >= ? AND t.opened_at < ?)
                OR (t.resolved_at >= ? AND t.resolved_at < ?)
                OR (lr.at >= ? AND lr.at < ?)
                OR (t.status = 'CLOSED' AND t.status_changed_at >= ? AND t.status_changed_at < ?)
                OR (s.recorded_at >= ? AND s.recorded_at < ?)""";

    @Inject
    DataSource dataSource;

    @Inject
    SlaPolicy slaPolicy;

    /**
     * @param start the period's first instant; never null
     * @param end   the instant after the period; never null
     * @param now   the time SLA clocks still running are judged at; never null
     * @return never null
     * @throws IllegalStateException when the tickets cannot be read
     */
    public List<TicketFacts> read(Instant start, Instant end, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(QUERY)) {
            for (int i = 1; i <= 10; i += 2) {
                st.setTimestamp(i, Timestamp.from(start));
                st.setTimestamp(i + 1, Timestamp.from(end));
            }
            List<TicketFacts> facts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    facts.add(facts(rs, now));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("The tickets of the KPI period could not be read", e);
        }
    }

    private TicketFacts facts(ResultSet rs, Instant now) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString(8));
        Instant statusChangedAt = instant(rs, 9);
        Instant resolvedAt = instant(rs, 7);
        Instant lastResolvedAt = instant(rs, 29);
        SlaDueTimes due = new SlaDueTimes(instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14),
                instant(rs, 15));
        SlaMilestones reached = new SlaMilestones(instant(rs, 16), instant(rs, 17), instant(rs, 18), resolvedAt,
                status == TicketStatus.CANCELLED ? statusChangedAt : null);
        SlaBreaches breaches = slaPolicy.breaches(due, reached, now);
        boolean breached = breaches.respond() || breaches.answer() || breaches.onSite() || breaches.repair()
                || Boolean.TRUE.equals(breaches.complaintVerify())
                || (instant(rs, 27) != null && slaPolicy.returnedGoodsBreached(instant(rs, 27), instant(rs, 28), now));
        Instant surveyedAt = instant(rs, 26);
        Double satisfaction = surveyedAt == null ? null
                : (rs.getInt(22) + rs.getInt(23) + rs.getInt(24) + rs.getInt(25)) / 4.0;
        return new TicketFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                TicketChannel.valueOf(rs.getString(5)) == TicketChannel.TELEMETRY, instant(rs, 6), lastResolvedAt,
                status == TicketStatus.CLOSED ? statusChangedAt : null, rs.getBoolean(10), breached,
                rs.getInt(19), rs.getInt(20), rs.getBoolean(21), satisfaction, surveyedAt);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
