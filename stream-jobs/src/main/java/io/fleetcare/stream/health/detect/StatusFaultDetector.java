package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.rules.ErrorEventRule;
import io.fleetcare.stream.rules.StatusFaultRule;
import io.fleetcare.stream.rules.ThresholdRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Raises an alert for every fault a device reports itself, and clears it when the device reports
 * that it is healthy again. Keyed by device id.
 *
 * <p><b>Status faults</b> ({@link StatusFaultRule}, OCPP StatusNotification): a {@link EventKind#STATUS}
 * whose error code is not {@code NoError}, or whose state is {@code Faulted}, raises one episode per
 * connector and fault code (a {@code Faulted} state without error code has the code {@code Faulted}).
 * Reports of a fault that is already raised change nothing. A status of the same connector with
 * {@code NoError} and another state clears every open fault of that connector. A different error
 * code on the same connector raises its own episode and does not clear the first one: only a
 * healthy report proves a fault is over. Connector 0 (the whole charge point) is a connector like
 * the others.
 *
 * <p><b>Error events</b> ({@link ErrorEventRule}, set-top box {@code ERROR} events): an {@code ERROR}
 * event raises one episode per error code; repeats of the same code extend it. It clears with the
 * first message of any other kind or code from the device whose device time is at least
 * {@code clearAfterQuiet} after the last occurrence — evidence that the device works without that
 * error, rather than a timer that would also "clear" a device that died.
 *
 * <p>Raising emits an {@link Alert.State#RAISED} alert and, for the severities the rule names, a
 * corrective {@link MaintenanceRequest} on {@link DetectorOutputs#MAINTENANCE_REQUESTS}. Ids derive
 * from device, rule, connector and code, and the device time of the raising report
 * ({@link EpisodeIds}).
 *
 * <p>Out-of-order input: a report older than the newest report already taken into account for the
 * same connector (or error code) is ignored, also right after a clear: the healthy report's time is
 * remembered until the watermark has passed it by {@code lateness}, then an event-time timer
 * removes it. Healthy devices hold no state.
 */
public class StatusFaultDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;
    private static final String CONNECTOR_SUBJECT = "connector-";
    private static final String CODE_SUBJECT = "code-";

    private final List<StatusFaultRule> statusRules;
    private final List<ErrorEventRule> errorRules;
    private final Duration lateness;

    private transient MapState<String, FaultSubject> subjects;

    /**
     * @param statusRules the status fault rules; never null
     * @param errorRules  the error event rules; never null
     * @param lateness    how long after a healthy report older reports may still arrive; not negative
     * @throws IllegalArgumentException when {@code lateness} is negative
     */
    public StatusFaultDetector(List<StatusFaultRule> statusRules, List<ErrorEventRule> errorRules, Duration lateness) {
        this.statusRules = List.copyOf(statusRules);
        this.errorRules = List.copyOf(errorRules);
        this.lateness = Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        subjects = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "fault-subjects", Types.STRING, TypeInformation.of(FaultSubject.class)));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        if (event.kind() == EventKind.STATUS && event.status() != null) {
            for (StatusFaultRule rule : statusRules) {
                if (rule.appliesTo(event.deviceType(), event.model())) {
                    evaluateStatus(rule, event, ctx, out);
                }
            }
        }
        for (ErrorEventRule rule : errorRules) {
            if (rule.appliesTo(event.deviceType(), event.model())) {
                evaluateErrorEvent(rule, event, ctx, out);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<String> forgotten = new ArrayList<>();
        for (Map.Entry<String, FaultSubject> entry : subjects.entries()) {
            FaultSubject subject = entry.getValue();
            if (subject.healthy() && cleanupTime(subject.lastReport()) <= timestamp) {
                forgotten.add(entry.getKey());
            }
        }
        for (String key : forgotten) {
            subjects.remove(key);
        }
    }

    private void evaluateStatus(StatusFaultRule rule, DeviceEvent event, Context ctx, Collector<Alert> out)
            throws Exception {
        DeviceStatus status = event.status();
        Instant ts = event.deviceTs();
        String connector = status.connector() == null ? "0" : status.connector().toString();
        String key = rule.id() + "/" + CONNECTOR_SUBJECT + connector;
        FaultSubject subject = subjects.get(key);
        if (subject != null && ts.isBefore(subject.lastReport())) {
            return;
        }
        String code = StatusFaultRule.faultCode(status.state(), status.errorCode());
        if (code == null) {
            if (subject != null) {
                for (OpenFault fault : subject.open()) {
                    out.collect(statusCleared(rule, event, connector, fault));
                }
                rememberHealthy(key, ts, ctx);
            }
            return;
        }
        OpenFault open = subject == null ? null : subject.find(code);
        if (open != null) {
            subjects.put(key, subject.with(open.seenAgainAt(ts), ts));
            return;
        }
        OpenFault fault = new OpenFault(code, rule.severityOf(code), ts, ts,
                Evidence.text(ts, "connector." + connector + ".status", describe(status)));
        String episode = CONNECTOR_SUBJECT + connector + "/" + code;
        String message = "connector " + connector + " reports " + code + " (" + describe(status) + ")";
        Alert alert = raised(rule.id(), event, episode, fault, message);
        out.collect(alert);
        if (rule.opensTicket(fault.severity())) {
            String problem = (connector.equals("0") ? "The charge point" : "Connector " + connector)
                    + " reports " + code + " (rule " + rule.id() + ")"
                    + (rule.description().isBlank() ? "" : ": " + rule.description());
            ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, request(rule.id(), event, episode, fault, problem, alert));
        }
        subjects.put(key, (subject == null ? FaultSubject.healthySince(ts) : subject).with(fault, ts));
    }

    private void evaluateErrorEvent(ErrorEventRule rule, DeviceEvent event, Context ctx, Collector<Alert> out)
            throws Exception {
        Instant ts = event.deviceTs();
        String reportedCode = errorCode(event);
        String prefix = rule.id() + "/" + CODE_SUBJECT;

        List<Map.Entry<String, FaultSubject>> toClear = new ArrayList<>();
        for (Map.Entry<String, FaultSubject> entry : subjects.entries()) {
            if (!entry.getKey().startsWith(prefix) || entry.getValue().healthy()) {
                continue;
            }
            OpenFault fault = entry.getValue().open().get(0);
            boolean sameError = fault.code().equals(reportedCode);
            if (!sameError && !ts.isBefore(fault.lastSeen().plus(rule.clearAfterQuiet()))) {
                toClear.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        for (Map.Entry<String, FaultSubject> entry : toClear) {
            OpenFault fault = entry.getValue().open().get(0);
            out.collect(errorCleared(rule, event, fault));
            rememberHealthy(entry.getKey(), ts, ctx);
        }

        if (reportedCode == null) {
            return;
        }
        String key = prefix + reportedCode;
        FaultSubject subject = subjects.get(key);
        if (subject != null && subject.healthy() && ts.isBefore(subject.lastReport())) {
            return;
        }
        if (subject != null && !subject.healthy()) {
            subjects.put(key, subject.with(subject.open().get(0).seenAgainAt(ts), ts));
            return;
        }
        DeviceOccurrence error = event.event();
        String text = reportedCode + (error.detail() == null ? "" : ": " + error.detail());
        OpenFault fault = new OpenFault(reportedCode, rule.severityOf(reportedCode), ts, ts,
                Evidence.text(ts, "event." + ErrorEventRule.ERROR_EVENT, text));
        String episode = CODE_SUBJECT + reportedCode;
        Alert alert = raised(rule.id(), event, episode, fault, "error " + text);
        out.collect(alert);
        if (rule.opensTicket(fault.severity())) {
            String problem = "The device reports error " + reportedCode + " (rule " + rule.id() + ")"
                    + (rule.description().isBlank() ? "" : ": " + rule.description());
            ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, request(rule.id(), event, episode, fault, problem, alert));
        }
        subjects.put(key, FaultSubject.healthySince(ts).with(fault, ts));
    }

    private void rememberHealthy(String key, Instant ts, Context ctx) throws Exception {
        subjects.put(key, FaultSubject.healthySince(ts));
        ctx.timerService().registerEventTimeTimer(cleanupTime(ts));
    }

    private long cleanupTime(Instant lastReport) {
        return lastReport.plus(lateness).toEpochMilli();
    }

    /** The code of an ERROR event, or null when the event is no error. */
    private static String errorCode(DeviceEvent event) {
        DeviceOccurrence occurrence = event.event();
        if (event.kind() != EventKind.EVENT || occurrence == null
                || !ErrorEventRule.ERROR_EVENT.equals(occurrence.name())) {
            return null;
        }
        return occurrence.code() == null || occurrence.code().isBlank() ? ErrorEventRule.UNSPECIFIED : occurrence.code();
    }

    private static String describe(DeviceStatus status) {
        StringBuilder s = new StringBuilder("state ").append(status.state())
                .append(", errorCode ").append(status.errorCode() == null ? "none" : status.errorCode());
        if (status.vendorCode() != null) {
            s.append(", vendorCode ").append(status.vendorCode());
        }
        return s.toString();
    }

    private static String describe(DeviceEvent event) {
        if (event.kind() == EventKind.EVENT && event.event() != null) {
            return event.event().name() + (event.event().code() == null ? "" : " " + event.event().code());
        }
        return event.kind().name();
    }

    private static Alert raised(String ruleId, DeviceEvent event, String episode, OpenFault fault, String message) {
        return new Alert(EpisodeIds.alertId(event.deviceId(), ruleId, episode, fault.start()),
                event.deviceId(), event.deviceType(), event.model(), ruleId, fault.severity(),
                Alert.State.RAISED, fault.start(), fault.start(), message, List.of(fault.evidence()));
    }

    private static MaintenanceRequest request(String ruleId, DeviceEvent event, String episode, OpenFault fault,
                                              String problem, Alert alert) {
        return new MaintenanceRequest(EpisodeIds.requestId(event.deviceId(), ruleId, episode, fault.start()),
                event.deviceId(), event.deviceType(), event.model(), ruleId,
                MaintenanceRequest.Kind.CORRECTIVE, fault.severity(), problem, fault.start(), null,
                alert.alertId(), List.of(fault.evidence()));
    }

    private static Alert statusCleared(StatusFaultRule rule, DeviceEvent event, String connector, OpenFault fault) {
        String episode = CONNECTOR_SUBJECT + connector + "/" + fault.code();
        Instant ts = event.deviceTs();
        String message = "connector " + connector + " healthy again (" + describe(event.status()) + ")";
        return new Alert(EpisodeIds.alertId(event.deviceId(), rule.id(), episode, fault.start()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), fault.severity(),
                Alert.State.CLEARED, fault.start(), ts, message,
                List.of(Evidence.text(ts, "connector." + connector + ".status", describe(event.status()))));
    }

    private static Alert errorCleared(ErrorEventRule rule, DeviceEvent event, OpenFault fault) {
        String episode = CODE_SUBJECT + fault.code();
        Instant ts = event.deviceTs();
        String message = "no " + fault.code() + " for at least " + ThresholdRule.duration(rule.clearAfterQuiet())
                + " (last at " + fault.lastSeen() + ")";
        return new Alert(EpisodeIds.alertId(event.deviceId(), rule.id(), episode, fault.start()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), fault.severity(),
                Alert.State.CLEARED, fault.start(), ts, message,
                List.of(Evidence.text(ts, "event.kind", describe(event))));
    }
}
