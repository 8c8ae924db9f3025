package io.fleetcare.gateway.mqtt;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jboss.logging.Logger;

/**
 * The MQTT edge of the gateway: one Paho v5 client that takes a shared subscription on every
 * device's telemetry and events, turns each message into a {@link DeviceEvent} through
 * {@link MqttDeviceMessage} and forwards it to Kafka.
 *
 * <p>Acknowledgement rules (QoS 1, manual acks):
 * <ul>
 *   <li>a forwarded message is acknowledged only after Kafka confirmed it, so nothing the broker
 *       handed over is lost when the gateway or Kafka fails;</li>
 *   <li>a rejected message is counted, logged and acknowledged at once, so a poison message is not
 *       redelivered forever;</li>
 *   <li>a message Kafka did not take stays unacknowledged; the client then restarts its broker session
 *       (clean start off) so that the broker redelivers it. Consumers drop the copies by event id.</li>
 * </ul>
 * Paho reconnects on its own once connected; until the first connection succeeds this class retries.
 */
@ApplicationScoped
public class MqttIngestSubscriber implements MqttCallback {

    private static final Logger LOG = Logger.getLogger(MqttIngestSubscriber.class);
    private static final int SUBSCRIPTION_QOS = 1;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration REDELIVERY_DELAY = Duration.ofSeconds(5);

    private final MqttSettings settings;
    private final DeviceEventPublisher publisher;
    private final IngestMetrics metrics;
    private final MeterRegistry registry;
    private final String clientId;
    private final boolean generatedClientId;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean redeliveryScheduled = new AtomicBoolean();
    private final AtomicLong session = new AtomicLong();
    private volatile boolean stopping;
    private ScheduledExecutorService scheduler;
    private MqttAsyncClient client;
    private Gauge connectedGauge;

    public MqttIngestSubscriber(MqttSettings settings, DeviceEventPublisher publisher, IngestMetrics metrics,
            MeterRegistry registry) {
        this.settings = settings;
        this.publisher = publisher;
        this.metrics = metrics;
        this.registry = registry;
        this.generatedClientId = settings.clientId().isEmpty();
        this.clientId = settings.clientId().orElseGet(
                () -> "fleetcare-gateway-" + UUID.randomUUID().toString().substring(0, 8));
        String group = settings.sharedGroup();
        if (group.isBlank() || group.contains("/") || group.contains("+") || group.contains("#")) {
            throw new IllegalArgumentException("fleetcare.mqtt.shared-group must be a single topic level: " + group);
        }
        if (settings.maxPayloadBytes() <= 0 || settings.receiveMaximum() <= 0) {
            throw new IllegalArgumentException("fleetcare.mqtt.max-payload-bytes and receive-maximum must be positive");
        }
    }

    void start(@Observes StartupEvent startup) throws MqttException {
        metrics.register(Protocol.MQTT);
        connectedGauge = Gauge.builder("gateway.mqtt.connected", this, s -> s.isSubscribed() ? 1 : 0)
                .description("1 while the MQTT client is connected and subscribed, else 0")
                .strongReference(true)
                .register(registry);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-session");
            thread.setDaemon(true);
            return thread;
        });
        publisher.prepare();
        client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
        client.setCallback(this);
        client.setManualAcks(true);
        LOG.infof("MQTT client %s connecting to %s, shared group %s", clientId, settings.serverUri(),
                settings.sharedGroup());
        connect(FIRST_RETRY);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (connectedGauge != null) {
            // the registry may outlive this bean (Quarkus restarts in one JVM): a later instance registers its own
            registry.remove(connectedGauge);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (client == null) {
            return;
        }
        publisher.flush();
        try {
            if (client.isConnected()) {
                MqttProperties properties = new MqttProperties();
                if (generatedClientId) {
                    // nobody will resume a session under a random id: let the broker drop it now
                    properties.setSessionExpiryInterval(0L);
                }
                client.disconnect(2_000, null, null, 0, properties).waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debugf(e, "MQTT client %s did not close cleanly", clientId);
        }
    }

    /** True while the client is connected and the broker granted both subscriptions. */
    public boolean isSubscribed() {
        return subscribed.get() && client != null && client.isConnected();
    }

    public String clientId() {
        return clientId;
    }

    public String serverUri() {
        return settings.serverUri();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Instant receivedTs = Instant.now();
        long arrivedIn = session.get();
        metrics.countReceived(Protocol.MQTT);
        DeviceEvent event;
        try {
            event = MqttDeviceMessage.toDeviceEvent(topic, message.getPayload(), receivedTs,
                    settings.maxPayloadBytes());
        } catch (IngestRejection rejection) {
            metrics.countRejected(Protocol.MQTT, rejection.reason());
            LOG.warnf("device %s: MQTT message %d on %s rejected as %s: %s (client %s)",
                    rejection.deviceId(), message.getId(), topic, rejection.reason().tag(), rejection.getMessage(),
                    clientId);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("device %s: rejected payload: %s", rejection.deviceId(),
                        new String(message.getPayload(), StandardCharsets.UTF_8));
            }
            acknowledge(message, arrivedIn);
            return;
        }
        publisher.publish(event).whenComplete((confirmed, failure) -> {
            if (failure == null) {
                acknowledge(message, arrivedIn);
            } else {
                LOG.errorf("device %s: event %s not taken by Kafka, MQTT message %d left unacknowledged for "
                        + "redelivery (client %s): %s", event.deviceId(), event.eventId(), message.getId(), clientId,
                        failure.toString());
                scheduleRedelivery();
            }
        });
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        session.incrementAndGet();
        LOG.infof("MQTT client %s %s to %s", clientId, reconnect ? "reconnected" : "connected", serverUri);
        MqttSubscription[] subscriptions = Arrays.stream(DeviceTopic.Channel.values())
                .map(channel -> new MqttSubscription(channel.sharedFilter(settings.sharedGroup()), SUBSCRIPTION_QOS))
                .toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    boolean granted = codes != null && codes.length == subscriptions.length
                            && Arrays.stream(codes).allMatch(code -> code >= 0 && code < 0x80);
                    subscribed.set(granted);
                    if (granted) {
                        LOG.infof("MQTT client %s subscribed to %s", clientId, filters(subscriptions));
                    } else {
                        LOG.errorf("MQTT client %s: broker refused subscriptions %s with reason codes %s", clientId,
                                filters(subscriptions), Arrays.toString(codes));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.errorf("MQTT client %s could not subscribe: %s", clientId, String.valueOf(failure));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.errorf("MQTT client %s could not subscribe: %s", clientId, e.toString());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed.set(false);
        if (!stopping) {
            LOG.warnf("MQTT client %s lost its connection: %s", clientId, response);
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warnf("MQTT client %s: %s", clientId, exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // this client only subscribes; commands go out on MqttCommandLink
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    private static String filters(MqttSubscription[] subscriptions) {
        return Arrays.stream(subscriptions).map(MqttSubscription::getTopic).toList().toString();
    }

    private void acknowledge(MqttMessage message, long arrivedIn) {
        if (message.getQos() == 0) {
            return;
        }
        if (arrivedIn != session.get()) {
            // the broker redelivers everything unacknowledged of an earlier connection anyway
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.debugf("MQTT message %d not acknowledged, the broker will redeliver it (client %s): %s",
                    message.getId(), clientId, e.toString());
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay((int) FIRST_RETRY.toSeconds(), (int) LONGEST_RETRY.toSeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(password -> options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
        return options;
    }

    private void connect(Duration nextRetry) {
        if (stopping || client.isConnected()) {
            return;
        }
        try {
            client.connect(connectionOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryConnect(nextRetry, failure);
                }
            });
        } catch (MqttException e) {
            retryConnect(nextRetry, e);
        }
    }

    private void retryConnect(Duration delay, Throwable failure) {
        if (stopping) {
            return;
        }
        LOG.warnf("MQTT client %s cannot connect to %s, retrying in %ds: %s", clientId, settings.serverUri(),
                delay.toSeconds(), String.valueOf(failure));
        Duration next = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
        scheduler.schedule(() -> connect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * After Kafka refused a send, reconnect once (not once per message) so the broker redelivers what
     * this session left unacknowledged. The session survives the reconnect because clean start is off.
     */
    private void scheduleRedelivery() {
        if (stopping || !redeliveryScheduled.compareAndSet(false, true)) {
            return;
        }
        scheduler.schedule(() -> {
            redeliveryScheduled.set(false);
            LOG.warnf("MQTT client %s restarts its session so the broker redelivers unacknowledged messages",
                    clientId);
            if (!client.isConnected()) {
                return; // the reconnect under way resumes the session, which redelivers as well
            }
            try {
                client.disconnect(1_000).waitForCompletion(5_000);
            } catch (MqttException e) {
                LOG.debugf("MQTT client %s: disconnect before redelivery failed: %s", clientId, e.toString());
            }
            connect(FIRST_RETRY);
        }, REDELIVERY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
