package io.fleetcare.gateway.ocpp;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ocpp.message.ChargePointEvents;
import io.quarkus.websockets.next.CloseReason;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The OCPP 1.6J WebSocket endpoint {@code /ocpp/{chargePointId}}. {@link ChargePointAdmission} has
 * checked subprotocol and credentials before a connection gets here. Frames of one connection are
 * handled one after the other (the default serial inbound processing); each is handled off the event
 * loop, because handing an event to the Kafka producer may block while it fetches metadata.
 *
 * <p>Opening and closing a connection publish {@code CONNECTION} events ({@code CONNECTED},
 * {@code DISCONNECTED}); a lost one is only logged, as there is no device message to refuse.
 *
 * <p>A message of several frames larger than {@code quarkus.websockets-next.server.max-message-size} is refused
 * by Vert.x before it is assembled; this endpoint turns that failure into the close code 1009 "message too big"
 * (RFC 6455 §7.4.1), a WARN line naming the charger and the {@code payload_too_large} rejection counter, instead of
 * the default internal-error close 1011. One frame larger than {@code max-frame-size} never gets here: Netty refuses
 * it and {@link InvalidFrameGuard} closes the connection the same way.
 */
@WebSocket(path = "/ocpp/{chargePointId}", endpointId = OcppEndpoint.ID)
public class OcppEndpoint {

    /** The endpoint id {@link ChargePointAdmission} applies to. */
    public static final String ID = "ocpp16";

    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class);
    private static final UserData.TypedKey<ChargePointSession> SESSION = new UserData.TypedKey<>("ocpp.session");

    private final ConnectedChargePoints connected;
    private final ChargePointConversation conversation;
    private final ChargerRegistry registry;
    private final DeviceEventPublisher publisher;
    private final IngestMetrics metrics;

    public OcppEndpoint(ConnectedChargePoints connected, ChargePointConversation conversation,
                        ChargerRegistry registry, DeviceEventPublisher publisher, IngestMetrics metrics) {
        this.connected = connected;
        this.conversation = conversation;
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String chargePointId = connection.pathParam("chargePointId");
        String model = registry.find(chargePointId).map(Charger::model).orElse(null);
        ChargePointSession session = new ChargePointSession(chargePointId, connection.id(), new ChargePointLink() {
            @Override
            public CompletionStage<Void> send(String frame) {
                return connection.sendText(frame).subscribeAsCompletionStage();
            }

            @Override
            public void close() {
                connection.close().subscribe().with(closed -> { }, failure -> { });
            }
        }, model);
        connection.userData().put(SESSION, session);
        connected.connected(session);
        announce(ChargePointEvents.connection(chargePointId, model, connection.id(), "CONNECTED", null,
                Instant.now()));
    }

    @OnTextMessage
    Uni<Void> message(String text, WebSocketConnection connection) {
        ChargePointSession session = connection.userData().get(SESSION);
        return Uni.createFrom().completionStage(() -> conversation.onText(session, text))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(reply -> reply == null ? Uni.createFrom().voidItem() : connection.sendText(reply));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        ChargePointSession session = connection.userData().get(SESSION);
        if (session != null) {
            connected.disconnected(session);
            CloseReason reason = connection.closeReason();
            announce(ChargePointEvents.connection(session.chargePointId(), session.model(), connection.id(),
                    "DISCONNECTED", reason == null ? null : String.valueOf(reason.getCode()), Instant.now()));
        }
    }

    /**
     * Vert.x signals a text message past the configured maximum with an {@link IllegalStateException}
     * from its frame aggregator; any other such failure keeps the default handling (ERROR log, close 1011).
     */
    @OnError
    Uni<Void> aggregationFailed(IllegalStateException failure, WebSocketConnection connection) {
        if (!OversizedMessage.isAggregatorLimit(failure)) {
            LOG.errorf(failure, "charge point %s (session %s): unexpected failure, closing with 1011",
                    connection.pathParam("chargePointId"), connection.id());
            return connection.close(new CloseReason(WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(),
                    "internal error"));
        }
        return refuseOversized(connection, failure.getMessage());
    }

    private Uni<Void> refuseOversized(WebSocketConnection connection, String detail) {
        String chargePointId = connection.pathParam("chargePointId");
        metrics.countRejected(Protocol.OCPP16, IngestRejection.Reason.PAYLOAD_TOO_LARGE);
        LOG.warnf("charge point %s (session %s): message too big, closing with 1009 (%s)", chargePointId,
                connection.id(), detail);
        if (connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return connection.close(new CloseReason(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big"));
    }

    private void announce(DeviceEvent event) {
        publisher.publish(event).whenComplete((confirmed, failure) -> {
            if (failure != null) {
                LOG.warnf("charge point %s: %s event not confirmed by Kafka: %s", event.deviceId(),
                        event.event().name(), failure.toString());
            }
        });
    }
}
