package io.fleetcare.gateway.ocpp;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ocpp.message.ChargePointEvents;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
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

    public OcppEndpoint(ConnectedChargePoints connected, ChargePointConversation conversation,
                        ChargerRegistry registry, DeviceEventPublisher publisher) {
        this.connected = connected;
        this.conversation = conversation;
        this.registry = registry;
        this.publisher = publisher;
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

    private void announce(DeviceEvent event) {
        publisher.publish(event).whenComplete((confirmed, failure) -> {
            if (failure != null) {
                LOG.warnf("charge point %s: %s event not confirmed by Kafka: %s", event.deviceId(),
                        event.event().name(), failure.toString());
            }
        });
    }
}
