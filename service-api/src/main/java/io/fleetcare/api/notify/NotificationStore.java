package io.fleetcare.api.notify;

import io.fleetcare.api.archive.ArchiveCipher;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tables of V80/V81 in plain SQL: rules with their on-call chain (webhook secrets sealed with the archive's
 * {@link ArchiveCipher}), and the delivery record. Each method runs on its own connection in auto-commit, except
 * where noted; the unique dedup key of a delivery is what makes a step go out once.
 */
@ApplicationScoped
public class NotificationStore {

    /** A delivery claimed for sending. */
    record Claimed(long id, NotificationChannel channel, Long targetId, String recipient, String subjectKind,
            String subjectId, String reason, Integer level, String title, String body, int attempts) {
    }

    /** A delivery to decide. */
    record NewDelivery(String dedupKey, Long ruleId, String subjectKind, String subjectId, String reason,
            Integer level, NotificationChannel channel, Long targetId, String recipient, String title, String body) {
    }

    /** An alert the rules look at. */
    record WatchedAlert(String alertId, String deviceId, Severity severity, String ruleId, DeviceType deviceType,
            String message, String evidence, Instant receivedAt, boolean acknowledged) {
    }

    /** An open ticket with its clocks. */
    record WatchedTicket(String number, String status, String assignedEngineer, Instant openedAt,
            Map<String, Instant[]> clocks) {
    }

    private static final String DELIVERY_COLUMNS = "id, rule_id, subject_kind, subject_id, reason, level, channel,"
            + " recipient, title, status, attempts, last_error, created_at, sent_at";

    @Inject
    DataSource dataSource;

    @Inject
    ArchiveCipher cipher;

    long insertRule(NotificationRule rule) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO notification_rule (name, trigger, severity, alert_rule_id, device_type,
                        sla_warn_percent, quiet_from, quiet_to, repeat_minutes, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                s.setString(1, rule.name());
                s.setString(2, rule.trigger().name());
                s.setString(3, rule.severity() == null ? null : rule.severity().name());
                s.setString(4, rule.alertRuleId());
                s.setString(5, rule.deviceType() == null ? null : rule.deviceType().name());
                s.setObject(6, rule.slaWarnPercent(), Types.INTEGER);
                s.setObject(7, rule.quietFrom(), Types.TIME);
                s.setObject(8, rule.quietTo(), Types.TIME);
                s.setObject(9, rule.repeatMinutes(), Types.INTEGER);
                s.setString(10, rule.createdBy());
                s.setTimestamp(11, Timestamp.from(rule.createdAt()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO notification_target (rule_id, level, after_minutes, channel, address, sealed_secret)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (EscalationLevel level : rule.levels()) {
                    for (NotificationTarget target : level.targets()) {
                        s.setLong(1, id);
                        s.setInt(2, level.level());
                        s.setInt(3, level.afterMinutes());
                        s.setString(4, target.channel().name());
                        s.setString(5, target.address());
                        s.setString(6, target.secret() == null ? null : cipher.seal(target.secret()));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("storing a notification rule failed", e);
        }
    }

    boolean deactivate(long ruleId, String by, Instant at) {
        return update("""
                UPDATE notification_rule SET active = false, deactivated_by = ?, deactivated_at = ?
                 WHERE id = ? AND active""", by, Timestamp.from(at), ruleId) == 1;
    }

    /** The active rules, oldest first, webhook secrets opened. */
    List<NotificationRule> activeRules() {
        Map<Long, NotificationRule> rules = new LinkedHashMap<>();
        Map<Long, Map<Integer, EscalationLevel>> levels = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT r.id, r.name, r.trigger, r.severity, r.alert_rule_id, r.device_type, r.sla_warn_percent,
                               r.quiet_from, r.quiet_to, r.repeat_minutes, r.created_by, r.created_at,
                               t.id, t.level, t.after_minutes, t.channel, t.address, t.sealed_secret
                          FROM notification_rule r JOIN notification_target t ON t.rule_id = r.id
                         WHERE r.active ORDER BY r.id, t.level, t.id""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                rules.computeIfAbsent(id, k -> {
                    try {
                        return new NotificationRule(id, r.getString(2), RuleTrigger.valueOf(r.getString(3)),
                                r.getString(4) == null ? null : Severity.valueOf(r.getString(4)), r.getString(5),
                                r.getString(6) == null ? null : DeviceType.valueOf(r.getString(6)),
                                (Integer) r.getObject(7), r.getObject(8, LocalTime.class),
                                r.getObject(9, LocalTime.class), (Integer) r.getObject(10), List.of(),
                                r.getString(11), r.getTimestamp(12).toInstant());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                int level = r.getInt(14);
                int after = r.getInt(15);
                String sealed = r.getString(18);
                NotificationTarget target = new NotificationTarget(r.getLong(13),
                        NotificationChannel.valueOf(r.getString(16)), r.getString(17),
                        sealed == null ? null : cipher.open(sealed));
                levels.computeIfAbsent(id, k -> new LinkedHashMap<>()).merge(level,
                        new EscalationLevel(level, after, List.of(target)),
                        (a, b) -> new EscalationLevel(level, a.afterMinutes(),
                                concat(a.targets(), b.targets())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the notification rules failed", e);
        }
        List<NotificationRule> result = new ArrayList<>();
        rules.forEach((id, rule) -> result.add(new NotificationRule(id, rule.name(), rule.trigger(), rule.severity(),
                rule.alertRuleId(), rule.deviceType(), rule.slaWarnPercent(), rule.quietFrom(), rule.quietTo(),
                rule.repeatMinutes(), List.copyOf(levels.get(id).values()), rule.createdBy(), rule.createdAt())));
        return result;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @return whether the delivery is new (false: this step was decided before) */
    boolean enqueue(NewDelivery d, Instant now) {
        return update("""
                INSERT INTO notification_delivery (dedup_key, rule_id, subject_kind, subject_id, reason, level, channel,
                    target_id, recipient, title, body, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING""", d.dedupKey(), d.ruleId(), d.subjectKind(), d.subjectId(),
                d.reason(), d.level(), d.channel().name(), d.targetId(), d.recipient(), d.title(), d.body(),
                Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /** Records a delivery that was already tried (or withheld) outside the queue, e.g. an appointment notice. */
    void recordDone(NewDelivery d, String status, String error, Instant now) {
        update("""
                INSERT INTO notification_delivery (dedup_key, rule_id, subject_kind, subject_id, reason, level, channel,
                    target_id, recipient, title, body, status, attempts, last_error, next_attempt_at, created_at,
                    sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING""", d.dedupKey(), d.ruleId(), d.subjectKind(), d.subjectId(),
                d.reason(), d.level(), d.channel().name(), d.targetId(), d.recipient(), d.title(), d.body(), status,
                "WITHHELD".equals(status) ? 0 : 1, error, Timestamp.from(now), Timestamp.from(now),
                "SENT".equals(status) ? Timestamp.from(now) : null);
    }

    /** Claims up to {@code limit} deliveries due at {@code now}; another instance skips the claimed rows. */
    List<Claimed> claimDue(Instant now, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        UPDATE notification_delivery SET status = 'SENDING'
                         WHERE id IN (SELECT id FROM notification_delivery
                                       WHERE status = 'PENDING' AND next_attempt_at <= ?
                                       ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id, channel, target_id, recipient, subject_kind, subject_id, reason, level, title,
                                  body, attempts""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Claimed(r.getLong(1), NotificationChannel.valueOf(r.getString(2)),
                            (Long) r.getObject(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                            (Integer) r.getObject(8), r.getString(9), r.getString(10), r.getInt(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming due notifications failed", e);
        }
        claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
        return claimed;
    }

    /** The opened secret of a webhook target; null when it has none. */
    String secretOf(long targetId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT sealed_secret FROM notification_target WHERE id = ?")) {
            s.setLong(1, targetId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null ? cipher.open(r.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a webhook secret failed", e);
        }
    }

    void markSent(long id, int attempts, Instant at) {
        update("UPDATE notification_delivery SET status = 'SENT', attempts = ?, sent_at = ?, last_error = NULL"
                + " WHERE id = ?", attempts, Timestamp.from(at), id);
    }

    /** @param nextAttemptAt null: no attempt is left, the delivery goes to the dead-letter list */
    void markFailed(long id, int attempts, String error, Instant nextAttemptAt) {
        update("UPDATE notification_delivery SET status = ?, attempts = ?, last_error = ?,"
                + " next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?",
                nextAttemptAt == null ? "DEAD_LETTER" : "PENDING", attempts,
                error.length() > 500 ? error.substring(0, 500) : error,
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), id);
    }

    List<DeliveryView> forSubject(String kind, String id) {
        return deliveries("SELECT " + DELIVERY_COLUMNS + " FROM notification_delivery WHERE subject_kind = ?"
                + " AND subject_id = ? ORDER BY id", kind, id);
    }

    List<DeliveryView> deadLetters(int limit) {
        return deliveries("SELECT " + DELIVERY_COLUMNS + " FROM notification_delivery WHERE status = 'DEAD_LETTER'"
                + " ORDER BY id DESC LIMIT ?", limit);
    }

    List<DeliveryView> inbox(String username, int limit) {
        return deliveries("SELECT " + DELIVERY_COLUMNS + " FROM notification_delivery WHERE channel = 'IN_APP'"
                + " AND recipient = ? ORDER BY id DESC LIMIT ?", username, limit);
    }

    /** Raised, unacknowledged-or-not alerts received in the last week that are not cleared. */
    List<WatchedAlert> raisedAlerts(Instant since) {
        List<WatchedAlert> alerts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT a.alert_id, a.device_id, a.severity, a.rule_id, a.device_type, a.message,
                               a.raised_evidence::text, a.received_at,
                               EXISTS (SELECT 1 FROM alert_note n WHERE n.alert_id = a.alert_id
                                          AND n.kind = 'ACKNOWLEDGEMENT')
                          FROM alert a
                         WHERE a.state = 'RAISED' AND a.raised_at IS NOT NULL AND a.received_at >= ?
                         ORDER BY a.received_at, a.alert_id""")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    alerts.add(new WatchedAlert(r.getString(1), r.getString(2), Severity.valueOf(r.getString(3)),
                            r.getString(4), DeviceType.valueOf(r.getString(5)), r.getString(6), r.getString(7),
                            r.getTimestamp(8).toInstant(), r.getBoolean(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the raised alerts failed", e);
        }
        return alerts;
    }

    /** Open tickets, each with its running clocks: name -> {due, stopped (null while running)}. */
    List<WatchedTicket> openTickets() {
        List<WatchedTicket> tickets = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT number, status, assigned_engineer, opened_at, respond_by, acknowledged_at, answer_by,
                               scheduled_at, on_site_by, on_site_at, repair_by, resolved_at
                          FROM ticket WHERE status NOT IN ('CLOSED', 'CANCELLED') ORDER BY id""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Map<String, Instant[]> clocks = new LinkedHashMap<>();
                String[] names = {"respondBy", "answerBy", "onSiteBy", "repairBy"};
                for (int i = 0; i < names.length; i++) {
                    Timestamp due = r.getTimestamp(5 + 2 * i);
                    Timestamp stopped = r.getTimestamp(6 + 2 * i);
                    if (due != null) {
                        clocks.put(names[i], new Instant[] {due.toInstant(),
                                stopped == null ? null : stopped.toInstant()});
                    }
                }
                tickets.add(new WatchedTicket(r.getString(1), r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant(), clocks));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the open tickets failed", e);
        }
        return tickets;
    }

    /** Whether the ticket was ever moved to ESCALATED with this reason's prefix (a breach escalates once). */
    boolean escalatedFor(String number, String reasonPrefix) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT 1 FROM ticket_transition tt JOIN ticket t ON t.id = tt.ticket_id
                         WHERE t.number = ? AND tt.to_status = 'ESCALATED' AND tt.reason LIKE ?""")) {
            s.setString(1, number);
            s.setString(2, reasonPrefix.replace("%", "\\%") + "%");
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ticket's transitions failed", e);
        }
    }

    private List<DeliveryView> deliveries(String sql, Object... parameters) {
        List<DeliveryView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp sent = r.getTimestamp(14);
                    views.add(new DeliveryView(r.getLong(1), (Long) r.getObject(2), r.getString(3), r.getString(4),
                            r.getString(5), (Integer) r.getObject(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getInt(11), r.getString(12), r.getTimestamp(13).toInstant(),
                            sent == null ? null : sent.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the delivery record failed", e);
        }
        return views;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the notification tables failed", e);
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
