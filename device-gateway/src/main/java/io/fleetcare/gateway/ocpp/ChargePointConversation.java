package io.fleetcare.gateway.ocpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import io.fleetcare.gateway.ocpp.frame.CallErrorCode;
import io.fleetcare.gateway.ocpp.frame.InvalidFrame;
import io.fleetcare.gateway.ocpp.frame.OcppAction;
import io.fleetcare.gateway.ocpp.frame.OcppFrame;
import io.fleetcare.gateway.ocpp.frame.PayloadReader;
import io.fleetcare.gateway.ocpp.message.ChargePointEvents;
import io.fleetcare.gateway.ocpp.message.ChargePointEvents.Origin;
import io.fleetcare.gateway.ocpp.message.InboundRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What the gateway says to each text frame of a charge point, as an explicit pipeline:
 * parse the frame ({@link OcppFrame#parse}) -> look up the action ({@link OcppAction}) -> validate the
 * payload (the action's reader in {@link InboundRequests}) -> dispatch with an exhaustive switch over the
 * action -> publish the DeviceEvents ({@link ChargePointEvents}) -> build the CALLRESULT once Kafka
 * confirmed them.
 *
 * <p>A refused frame is answered with the CALLERROR its {@link IngestRejection.Reason} translates to
 * ({@link CallErrorCode#of}), counted and logged; the session stays open. When Kafka does not confirm,
 * the answer is {@code InternalError}, so the charge point keeps the message and sends it again.
 * CALLRESULTs and CALLERRORs from the charge point go to the call that waits for them.
 */
@ApplicationScoped
public class ChargePointConversation {

    private static final Logger LOG = Logger.getLogger(ChargePointConversation.class);

    private final Function<DeviceEvent, CompletionStage<Void>> publisher;
    private final IngestMetrics metrics;
    private final int heartbeatInterval;
    private final Clock clock;

    @Inject
    public ChargePointConversation(DeviceEventPublisher publisher, IngestMetrics metrics, OcppSettings settings) {
        this(publisher::publish, metrics, settings.heartbeatInterval(), Clock.systemUTC());
    }

    /**
     * @param publisher         hands an event to Kafka; its stage completes when Kafka confirmed
     * @param heartbeatInterval seconds, sent in BootNotification.conf
     */
    public ChargePointConversation(Function<DeviceEvent, CompletionStage<Void>> publisher, IngestMetrics metrics,
                                   int heartbeatInterval, Clock clock) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.heartbeatInterval = heartbeatInterval;
        this.clock = clock;
        metrics.register(Protocol.OCPP16);
    }

    /**
     * @param session the charge point's session; never null
     * @param text    one text frame as received; may be anything
     * @return the frame to send back, or null when there is nothing to answer; never fails
     */
    public CompletionStage<String> onText(ChargePointSession session, String text) {
        metrics.countReceived(Protocol.OCPP16);
        Instant receivedTs = clock.instant();
        OcppFrame frame;
        try {
            frame = OcppFrame.parse(text);
        } catch (InvalidFrame invalid) {
            return refuse(session, invalid, text);
        }
        if (frame instanceof OcppFrame.Call call) {
            try {
                return handle(session, call, receivedTs);
            } catch (IngestRejection rejection) {
                return refuse(session, new InvalidFrame(call.messageId(), rejection), text);
            } catch (RuntimeException unexpected) {
                LOG.errorf(unexpected, "charge point %s: %s %s failed", session.chargePointId(), call.action(),
                        call.messageId());
                return CompletableFuture.completedFuture(new OcppFrame.CallError(call.messageId(),
                        CallErrorCode.InternalError, "the central system could not process the message").toText());
            }
        }
        if (!session.answer(frame)) {
            LOG.warnf("charge point %s: answer %s matches no waiting call", session.chargePointId(), frame.messageId());
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<String> handle(ChargePointSession session, OcppFrame.Call call, Instant receivedTs) {
        String chargePointId = session.chargePointId();
        OcppAction action = OcppAction.fromWire(call.action()).orElseThrow(() -> new IngestRejection(
                Reason.UNKNOWN_ACTION, chargePointId, "action is not defined by OCPP 1.6"));
        PayloadReader payload = new PayloadReader(call.payload(), chargePointId);
        Origin origin = new Origin(chargePointId, session.model(), action.name(), call.messageId(),
                call.payload().toString(), receivedTs);
        return switch (action) {
            case BootNotification -> {
                InboundRequests.BootNotification boot = InboundRequests.BootNotification.read(payload);
                session.announceModel(boot.chargePointModel());
                Origin announced = new Origin(chargePointId, boot.chargePointModel(), origin.action(),
                        origin.messageId(), origin.payloadJson(), receivedTs);
                yield forward(session, call, List.of(ChargePointEvents.boot(announced, boot)), () -> object()
                        .put("status", "Accepted")
                        .put("currentTime", now())
                        .put("interval", heartbeatInterval));
            }
            case Heartbeat -> {
                InboundRequests.Heartbeat.read(payload);
                yield forward(session, call, List.of(ChargePointEvents.heartbeat(origin)),
                        () -> object().put("currentTime", now()));
            }
            case StatusNotification -> forward(session, call, List.of(ChargePointEvents.status(origin,
                    InboundRequests.StatusNotification.read(payload))), ChargePointConversation::object);
            case MeterValues -> forward(session, call, ChargePointEvents.meterValues(origin,
                    InboundRequests.MeterValues.read(payload)), ChargePointConversation::object);
            case StartTransaction -> {
                InboundRequests.StartTransaction start = InboundRequests.StartTransaction.read(payload);
                int transactionId = transactionId(chargePointId, start);
                yield forward(session, call, List.of(ChargePointEvents.transactionStarted(origin, start, transactionId)),
                        () -> {
                            ObjectNode reply = object().put("transactionId", transactionId);
                            reply.set("idTagInfo", accepted());
                            return reply;
                        });
            }
            case StopTransaction -> {
                InboundRequests.StopTransaction stop = InboundRequests.StopTransaction.read(payload);
                yield forward(session, call, List.of(ChargePointEvents.transactionStopped(origin, stop)), () -> {
                    ObjectNode reply = object();
                    if (stop.idTag() != null) {
                        reply.set("idTagInfo", accepted());
                    }
                    return reply;
                });
            }
            case Authorize -> {
                InboundRequests.Authorize.read(payload);
                yield forward(session, call, List.of(ChargePointEvents.authorize(origin)), () -> {
                    ObjectNode reply = object();
                    reply.set("idTagInfo", accepted());
                    return reply;
                });
            }
            case DataTransfer -> forward(session, call, List.of(ChargePointEvents.dataTransfer(origin,
                    InboundRequests.DataTransfer.read(payload))), () -> object().put("status", "Accepted"));
            case DiagnosticsStatusNotification -> forward(session, call, List.of(ChargePointEvents.diagnosticsStatus(
                    origin, InboundRequests.DiagnosticsStatusNotification.read(payload))), ChargePointConversation::object);
            case FirmwareStatusNotification -> forward(session, call, List.of(ChargePointEvents.firmwareStatus(
                    origin, InboundRequests.FirmwareStatusNotification.read(payload))), ChargePointConversation::object);
            case CancelReservation, ChangeAvailability, ChangeConfiguration, ClearCache, ClearChargingProfile,
                    GetCompositeSchedule, GetConfiguration, GetDiagnostics, GetLocalListVersion,
                    RemoteStartTransaction, RemoteStopTransaction, ReserveNow, Reset, SendLocalList,
                    SetChargingProfile, TriggerMessage, UnlockConnector, UpdateFirmware ->
                    throw new IngestRejection(Reason.UNSUPPORTED_ACTION, chargePointId,
                            action + " is sent by the central system, not to it");
        };
    }

    private CompletionStage<String> forward(ChargePointSession session, OcppFrame.Call call, List<DeviceEvent> events,
                                            Supplier<ObjectNode> reply) {
        CompletableFuture<?>[] confirmations = events.stream()
                .map(event -> publisher.apply(event).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(confirmations).handle((confirmed, failure) -> {
            if (failure != null) {
                LOG.warnf("charge point %s: %s %s not confirmed by Kafka, answering InternalError: %s",
                        session.chargePointId(), call.action(), call.messageId(), failure.toString());
                return new OcppFrame.CallError(call.messageId(), CallErrorCode.InternalError,
                        "could not store the message; send it again").toText();
            }
            return new OcppFrame.CallResult(call.messageId(), reply.get()).toText();
        });
    }

    private CompletionStage<String> refuse(ChargePointSession session, InvalidFrame invalid, String text) {
        IngestRejection rejection = invalid.rejection();
        metrics.countRejected(Protocol.OCPP16, rejection.reason());
        OcppFrame.CallError error = invalid.toCallError();
        LOG.warnf("charge point %s: message %s refused with %s (%s): %s", session.chargePointId(), invalid.messageId(),
                error.code(), rejection.reason().tag(), rejection.getMessage());
        LOG.debugf("charge point %s: refused frame %s", session.chargePointId(), text);
        return CompletableFuture.completedFuture(error.toText());
    }

    /**
     * The transaction id is derived from what identifies the start (charge point, connector, time, meter
     * start), so a repeated StartTransaction gets the same id from any gateway instance without shared state.
     */
    static int transactionId(String chargePointId, InboundRequests.StartTransaction start) {
        String name = "ocpp16/" + chargePointId + "/transaction/" + start.connectorId() + "/" + start.timestamp()
                + "/" + start.meterStart();
        int id = (int) (UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
                & Integer.MAX_VALUE);
        return id == 0 ? 1 : id;
    }

    private static ObjectNode accepted() {
        return object().put("status", "Accepted");
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
