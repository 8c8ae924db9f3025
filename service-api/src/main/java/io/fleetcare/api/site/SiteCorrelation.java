package io.fleetcare.api.site;

import io.fleetcare.api.alert.AlertNote;
import io.fleetcare.api.alert.AlertRecorded;
import io.fleetcare.api.alert.AlertService;
import io.fleetcare.api.alert.AlertStore;
import io.fleetcare.api.alert.AlertView;
import io.fleetcare.api.site.SiteStore.Decision;
import io.fleetcare.api.site.SiteStore.Incident;
import io.fleetcare.api.site.SiteStore.Signal;
import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides which offline alerts become tickets: one ticket for a site outage, else one per device.
 *
 * <p>Every offline alert ({@link SiteCorrelationConfig#offlineRules()}) is stored and shown at once like any
 * other alert; only its ticket waits. A device that belongs to no site is judged alone at once. A device of a
 * site whose outage is open joins that outage. Otherwise its alert is <b>held</b> for one window
 * ({@link SiteOutageRule}): if enough of its site's devices go offline within the window, they become one
 * outage with one site alert (device id {@code site:<site id>}, rule {@value #SITE_RULE}) and one ticket,
 * and every device alert gets a note naming that ticket; if not, the held alerts are judged alone once the site
 * has had no new one for a window (see {@link SiteOutageRule}). Judged alone, an offline alert gets its own ticket when its severity is in
 * {@link SiteCorrelationConfig#ownTicketFor()}; a device back before that gets none. Holding rather than
 * opening and merging means no device ticket is ever opened for an outage; the price is that a lone device's
 * ticket opens one window late.
 *
 * <p>The outage ends when fewer than the threshold of its devices are still offline: the site alert clears,
 * and the devices still offline are held again from then, so each gets its own ticket if it stays offline a
 * further window. The site's ticket stays open for people to resolve like any other.
 *
 * <p>Every change to one site runs in one transaction under a per-site advisory lock, so several instances
 * and the periodic sweep agree; replayed alerts change nothing (the alert id is the key).
 */
@ApplicationScoped
public class SiteCorrelation {

    /** The rule id of a site's alert and ticket. */
    public static final String SITE_RULE = "site.offline";
    /** Prefix of the device id under which a site's alert and ticket are kept. */
    public static final String SITE_PREFIX = "site:";
    /** Author of the notes the correlation adds to alerts. */
    static final String AUTHOR = "site-correlation";

    private static final Logger LOG = Logger.getLogger(SiteCorrelation.class);

    private final SiteStore store;
    private final AlertService alerts;
    private final AlertStore alertNotes;
    private final TicketIntake intake;
    private final SiteCorrelationConfig config;
    private final SiteOutageRule rule;
    private final DateTimeFormatter since;
    private final Clock clock;
    /** Per site, when this instance last took in a clear of one of its devices (see {@link SiteOutageRule#judge}). */
    private final Map<String, Instant> lastClear = new ConcurrentHashMap<>();

    @Inject
    public SiteCorrelation(SiteStore store, AlertService alerts, AlertStore alertNotes, TicketIntake intake,
            SiteCorrelationConfig config, SlaConfig calendar, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.alertNotes = alertNotes;
        this.intake = intake;
        this.config = config;
        this.rule = config.rule();
        this.since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(calendar.zone());
        this.clock = clock;
    }

    /** Whether the correlation looks at this alert at all. */
    public boolean concerns(Alert alert) {
        return config.offlineRules().contains(alert.ruleId());
    }

    void on(@Observes AlertRecorded recorded) {
        take(recorded.alert());
    }

    /**
     * Takes in one stored offline alert transition (others are ignored), idempotently.
     *
     * @param alert a validated alert that {@link AlertService#record} has stored; never null
     * @throws RuntimeException when the database fails; then nothing of this step is stored
     */
    public void take(Alert alert) {
        if (!concerns(alert)) {
            return;
        }
        Instant now = now();
        if (alert.state() == Alert.State.RAISED) {
            raised(alert, now);
        } else {
            cleared(alert, now);
        }
    }

    private void raised(Alert alert, Instant now) {
        String site = QuarkusTransaction.requiringNew().call(() -> store.siteOf(alert.deviceId()).orElse(null));
        if (site == null) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (store.insert(new Signal(alert.alertId(), alert.deviceId(), null, alert.ts(), now, null,
                        Decision.HELD, null, null))) {
                    judgeAlone(store.signal(alert.alertId()).orElseThrow(), now);
                }
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.lock(site);
            if (!store.insert(new Signal(alert.alertId(), alert.deviceId(), site, alert.ts(), now, null,
                    Decision.HELD, null, null))) {
                return;
            }
            Incident open = store.openIncident(site).orElse(null);
            if (open != null) {
                link(open, List.of(store.signal(alert.alertId()).orElseThrow()), now);
                describe(open, now);
            } else {
                judge(site, now);
            }
        });
    }

    private void cleared(Alert alert, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            String site = store.siteOf(alert.deviceId()).orElse(null);
            if (site != null) {
                store.lock(site);
                lastClear.merge(site, now, (a, b) -> a.isAfter(b) ? a : b);
            }
            Signal signal = store.signal(alert.alertId()).orElse(null);
            if (signal == null) {
                // the clear overtook the raise: remember it, so that the late raise changes nothing
                store.insert(new Signal(alert.alertId(), alert.deviceId(), site, alert.episodeStart(), now,
                        alert.ts(), Decision.NONE, null, null));
                return;
            }
            if (signal.clearedAt() != null) {
                return;
            }
            store.cleared(alert.alertId(), alert.ts());
            if (signal.decision() == Decision.HELD) {
                store.decide(alert.alertId(), Decision.NONE, null, null);
            } else if (signal.decision() == Decision.SITE) {
                Incident incident = store.openIncident(signal.siteId()).orElse(null);
                if (incident != null && incident.id() == signal.incidentId()) {
                    endIfOver(incident, now);
                }
            }
        });
    }

    /** Judges every site that holds alerts; runs periodically, so held alerts are released when due. */
    @Scheduled(every = "${fleetcare.sites.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = now();
        for (String site : QuarkusTransaction.requiringNew().call(store::sitesWithHeld)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    store.lock(site);
                    Incident open = store.openIncident(site).orElse(null);
                    if (open != null) {
                        link(open, store.held(site), now);
                        describe(open, now);
                    } else {
                        judge(site, now);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Site %s: could not judge its held offline alerts; trying again on the next sweep", site);
            }
        }
    }

    /** Under the site's lock, with no outage open: opens one or releases the held alerts that are due. */
    private void judge(String site, Instant now) {
        List<Signal> held = store.held(site);
        if (held.isEmpty()) {
            return;
        }
        int size = store.size(site);
        SiteOutageRule.Verdict verdict = rule.judge(size, held.stream().map(Signal::offline).toList(),
                lastClear.get(site), now);
        if (verdict.outage()) {
            open(site, size, held, now);
            return;
        }
        Map<String, Signal> byAlert = held.stream().collect(Collectors.toMap(Signal::alertId, Function.identity()));
        for (SiteOutageRule.Offline due : verdict.released()) {
            judgeAlone(byAlert.get(due.alertId()), now);
        }
    }

    private void open(String site, int size, List<Signal> held, Instant now) {
        Instant startedAt = held.stream().map(Signal::raisedAt).min(Comparator.naturalOrder()).orElseThrow();
        String alertId = SITE_PREFIX + site + ":" + startedAt.toEpochMilli();
        String siteDevice = SITE_PREFIX + site;
        DeviceType type = mostCommonType(held);
        String message = message(site, held.size(), size, startedAt);
        List<Evidence> evidence = List.of(Evidence.reading(now, "site.devices_offline", held.size()),
                Evidence.reading(now, "site.devices", size));
        alerts.record(new Alert(alertId, siteDevice, type, null, SITE_RULE, config.siteSeverity(),
                Alert.State.RAISED, startedAt, now, message, evidence));
        IntakeResult ticket = intake.accept(new MaintenanceRequest(alertId, siteDevice, type, null, SITE_RULE,
                MaintenanceRequest.Kind.CORRECTIVE, config.siteSeverity(), message, startedAt, null, alertId,
                evidence));
        alertNotes.addNote(alertId, new AlertNote(AlertNote.Kind.TICKET, null, ticket.ticketNumber(), AUTHOR, now));
        long id = store.insertIncident(site, alertId, ticket.ticketNumber(), startedAt, now, held.size());
        Incident incident = new Incident(id, site, alertId, ticket.ticketNumber(), startedAt, now, null, held.size());
        link(incident, held, now);
        LOG.infof("Site %s: %d of %d devices offline since %s; site alert %s, ticket %s (%s)", site, held.size(),
                size, startedAt, alertId, ticket.ticketNumber(), ticket.outcome());
    }

    private void link(Incident incident, List<Signal> signals, Instant now) {
        for (Signal s : signals) {
            store.decide(s.alertId(), Decision.SITE, incident.id(), incident.ticketNumber());
            alertNotes.addNote(s.alertId(), new AlertNote(AlertNote.Kind.TICKET,
                    "part of the outage of site " + incident.siteId() + " (alert " + incident.alertId() + ")",
                    incident.ticketNumber(), AUTHOR, now));
        }
    }

    /** Rewrites the site alert's count and keeps the peak. */
    private void describe(Incident incident, Instant now) {
        int offline = store.stillOffline(incident.id()).size();
        store.peak(incident.id(), offline);
        store.alertMessage(incident.alertId(), message(incident.siteId(), offline, store.size(incident.siteId()),
                incident.startedAt()), now);
    }

    private void endIfOver(Incident incident, Instant now) {
        List<Signal> still = store.stillOffline(incident.id());
        int size = store.size(incident.siteId());
        if (rule.stillAnOutage(size, still.size())) {
            describe(incident, now);
            return;
        }
        store.close(incident.id(), now);
        String message = "site " + incident.siteId() + ": devices back; " + still.size() + " of " + size
                + " still offline";
        AlertView siteAlert = alerts.get(incident.alertId());
        alerts.record(new Alert(incident.alertId(), siteAlert.deviceId(), siteAlert.deviceType(), null, SITE_RULE,
                siteAlert.severity(), Alert.State.CLEARED, incident.startedAt(), now, message,
                List.of(Evidence.reading(now, "site.devices_offline", still.size()))));
        for (Signal s : still) {
            store.holdAgain(s.alertId(), now);
        }
        LOG.infof("Site %s: outage over, site alert %s cleared; %d devices still offline held again",
                incident.siteId(), incident.alertId(), still.size());
    }

    /** One device's offline alert on its own: its own ticket when its severity warrants one. */
    private void judgeAlone(Signal signal, Instant now) {
        AlertView alert = alerts.get(signal.alertId());
        if (!config.ownTicketFor().contains(alert.severity())) {
            store.decide(signal.alertId(), Decision.NONE, null, null);
            return;
        }
        Instant detectedAt = alert.raisedAt() != null ? alert.raisedAt() : alert.episodeStart();
        IntakeResult ticket = intake.accept(new MaintenanceRequest("alert:" + alert.alertId(), alert.deviceId(),
                alert.deviceType(), alert.model(), alert.ruleId(), MaintenanceRequest.Kind.CORRECTIVE,
                alert.severity(), alert.message(), detectedAt, null, alert.alertId(),
                alert.evidence().stream().map(r -> new Evidence(r.ts(), r.metric(), r.value(), r.text())).toList()));
        store.decide(signal.alertId(), Decision.OWN, null, ticket.ticketNumber());
        if (ticket.outcome() != IntakeResult.Outcome.DUPLICATE) {
            alertNotes.addNote(alert.alertId(), new AlertNote(AlertNote.Kind.TICKET, null, ticket.ticketNumber(),
                    AUTHOR, now));
        }
        LOG.infof("Offline alert %s of device %s judged alone: ticket %s (%s)", alert.alertId(), alert.deviceId(),
                ticket.ticketNumber(), ticket.outcome());
    }

    private DeviceType mostCommonType(List<Signal> held) {
        return held.stream().map(s -> alerts.get(s.alertId()).deviceType())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private String message(String site, int offline, int size, Instant startedAt) {
        return "site " + site + ": " + offline + " of " + size + " devices offline since " + since.format(startedAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
