package io.fleetcare.api.notify;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.ProblemException;
import io.fleetcare.api.ticket.TicketStatus;
import io.fleetcare.api.ticket.TicketWorkflow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Evaluates the notification rules against the raised alerts and the clocks of the open tickets, decides the
 * deliveries that are due (each once: {@link NotificationStore#enqueue}), moves a ticket whose SLA clock ran out to
 * ESCALATED with the reason, and sends what is due with retries and backoff. Runs every
 * {@code fleetcare.notify.every}; {@link #evaluate(Instant)} takes the time as a parameter so that tests can move
 * it forward instead of waiting.
 *
 * <p>A rule watches the alerts received and the tickets opened since it was created: adding a rule does not send a
 * flood about the backlog, nor escalate old tickets in one go.
 */
@ApplicationScoped
public class NotificationDispatcher {

    /** Who moves a ticket to ESCALATED on a breach, as the ticket's history shows it. */
    static final Caller SLA_WATCH = new Caller("sla-watch", java.util.Set.of(Role.SERVICE_MANAGER));

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final Duration ALERT_HORIZON = Duration.ofDays(7);

    @Inject
    NotificationStore store;

    @Inject
    Channels channels;

    @Inject
    TicketWorkflow workflow;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${fleetcare.notify.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "notification-rules")
    void scheduled() {
        evaluate(clock.instant());
    }

    /**
     * One evaluation at {@code now}: decides every due step, escalates breached tickets, sends what is due.
     *
     * @param now never null
     */
    public synchronized void evaluate(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<NotificationRule> rules = store.activeRules();
        if (rules.stream().anyMatch(r -> r.trigger() == RuleTrigger.ALERT)) {
            alerts(rules, at);
        }
        if (rules.stream().anyMatch(r -> r.trigger() == RuleTrigger.SLA)) {
            tickets(rules, at);
        }
        deliverDue(at);
    }

    private void alerts(List<NotificationRule> rules, Instant now) {
        for (NotificationStore.WatchedAlert alert : store.raisedAlerts(now.minus(ALERT_HORIZON))) {
            AlertEscalation.AlertFacts facts = new AlertEscalation.AlertFacts(alert.receivedAt(),
                    alert.acknowledged(), false, safetyFault(alert));
            for (NotificationRule rule : rules) {
                if (!rule.matches(alert.severity(), alert.ruleId(), alert.deviceType())
                        || alert.receivedAt().isBefore(rule.createdAt())) {
                    continue;
                }
                for (AlertEscalation.Step step : AlertEscalation.due(rule, facts, now, config.zone())) {
                    String reason = step.repeat() > 0 ? "REPEAT"
                            : step.level().level() == 1 ? "ALERT_RAISED" : "ESCALATION";
                    String title = "[" + alert.severity() + "] " + alert.ruleId() + " on " + alert.deviceId()
                            + (step.level().level() > 1 || step.repeat() > 0 ? " (level " + step.level().level()
                                    + ", not acknowledged)" : "");
                    String body = alert.message() + "\nAlert " + alert.alertId() + ", received " + alert.receivedAt()
                            + (facts.safetyFault() ? "\nCritical safety fault: every level is told at once." : "");
                    for (NotificationTarget target : step.level().targets()) {
                        store.enqueue(new NotificationStore.NewDelivery("R" + rule.id() + ":A:" + alert.alertId()
                                + ":" + step.key() + ":T" + target.id(), rule.id(), "ALERT", alert.alertId(), reason,
                                step.level().level(), target.channel(), target.id(), target.address(), title, body),
                                now);
                    }
                }
            }
        }
    }

    private boolean safetyFault(NotificationStore.WatchedAlert alert) {
        String text = alert.message() + " " + alert.evidence();
        return config.safetyFaults().stream()
                .anyMatch(code -> Pattern.compile("\\b" + Pattern.quote(code) + "\\b").matcher(text).find());
    }

    private void tickets(List<NotificationRule> rules, Instant now) {
        for (NotificationStore.WatchedTicket ticket : store.openTickets()) {
            for (NotificationRule rule : rules) {
                if (rule.trigger() != RuleTrigger.SLA || ticket.openedAt().isBefore(rule.createdAt())) {
                    continue;
                }
                ticket.clocks().forEach((name, times) -> {
                    Optional<SlaWatch.Point> point = SlaWatch.at(ticket.openedAt(), times[0], times[1],
                            rule.slaWarnPercent(), now);
                    point.ifPresent(p -> slaPoint(rule, ticket, name, times[0], p, now));
                });
            }
        }
    }

    private void slaPoint(NotificationRule rule, NotificationStore.WatchedTicket ticket, String clockName,
            Instant due, SlaWatch.Point point, Instant now) {
        boolean quiet = rule.quietAt(now.atZone(config.zone()).toLocalTime());
        if (point == SlaWatch.Point.BREACH) {
            escalate(ticket, clockName, due);
        } else if (quiet) {
            return;
        }
        String reason = point == SlaWatch.Point.WARNING ? "SLA_WARNING" : "SLA_BREACH";
        String title = point == SlaWatch.Point.WARNING
                ? "Ticket " + ticket.number() + ": " + rule.slaWarnPercent() + " % of " + clockName + " used (due "
                        + due + ")"
                : "Ticket " + ticket.number() + ": " + clockName + " breached at " + due + ", moved to ESCALATED";
        String body = title + "\nAssigned engineer: " + (ticket.assignedEngineer() == null ? "none"
                : ticket.assignedEngineer());
        List<EscalationLevel> levels = point == SlaWatch.Point.WARNING ? rule.levels().subList(0, 1) : rule.levels();
        List<NotificationTarget> targets = new ArrayList<>();
        levels.forEach(l -> targets.addAll(l.targets()));
        String key = "R" + rule.id() + ":T:" + ticket.number() + ":" + clockName + ":" + point;
        for (NotificationTarget target : targets) {
            store.enqueue(new NotificationStore.NewDelivery(key + ":T" + target.id(), rule.id(), "TICKET",
                    ticket.number(), reason, null, target.channel(), target.id(), target.address(), title, body), now);
        }
        if (ticket.assignedEngineer() != null) {
            store.enqueue(new NotificationStore.NewDelivery(key + ":assignee", rule.id(), "TICKET", ticket.number(),
                    reason, null, NotificationChannel.IN_APP, null, ticket.assignedEngineer(), title, body), now);
        }
    }

    private void escalate(NotificationStore.WatchedTicket ticket, String clockName, Instant due) {
        String reason = "SLA " + clockName + " breached at " + due;
        if (TicketStatus.ESCALATED.name().equals(ticket.status()) || store.escalatedFor(ticket.number(), reason)) {
            return;
        }
        try {
            workflow.transition(ticket.number(), TicketStatus.ESCALATED, reason + " (moved by the notification rules)",
                    null, null, SLA_WATCH);
            LOG.infof("Ticket %s escalated: %s", ticket.number(), reason);
        } catch (ProblemException e) {
            LOG.warnf("Ticket %s not escalated for %s: %s", ticket.number(), reason, e.getMessage());
        }
    }

    /** Sends every delivery due at {@code now}; a failure is retried after the next wait, the last one dead-letters. */
    void deliverDue(Instant now) {
        List<Duration> waits = config.retryDelays();
        for (NotificationStore.Claimed d : store.claimDue(now, 200)) {
            int attempts = d.attempts() + 1;
            try {
                channels.send(d);
                store.markSent(d.id(), attempts, now);
            } catch (RuntimeException e) {
                Instant next = attempts <= waits.size() ? now.plus(waits.get(attempts - 1)) : null;
                store.markFailed(d.id(), attempts, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage(), next);
                LOG.warnf("Notification %d (%s to %s) attempt %d failed: %s%s", d.id(), d.channel(), d.recipient(),
                        attempts, e.getMessage(), next == null ? "; moved to the dead-letter list" : "; next at " + next);
            }
        }
    }
}
