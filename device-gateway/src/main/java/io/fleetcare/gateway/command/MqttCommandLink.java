package io.fleetcare.gateway.command;

import io.fleetcare.gateway.mqtt.MqttSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * The Paho side of {@link MqttCommandChannel}: a client of its own (id {@code <fleetcare.mqtt.client-id>-commands},
 * the gateway's service account, clean start) that publishes commands and subscribes, not shared, to
 * {@code devices/+/commands/result}: every instance sees every reply and keeps those it is waiting for.
 * The only class of the command package that knows Paho.
 */
@ApplicationScoped
public class MqttCommandLink implements MqttCommandChannel, MqttCallback {

    private static final Logger LOG = Logger.getLogger(MqttCommandLink.class);
    private static final String REPLY_FILTER = "devices/+/commands/result";

    private final MqttSettings settings;
    private final CommandSettings commandSettings;
    private final String clientId;
    private volatile Replies receiver = (deviceId, commandId, body) -> { };
    private volatile boolean stopping;
    private volatile boolean subscribed;
    private ScheduledExecutorService retries;
    private MqttAsyncClient client;

    public MqttCommandLink(MqttSettings settings, CommandSettings commandSettings) {
        this.settings = settings;
        this.commandSettings = commandSettings;
        this.clientId = settings.clientId().orElseGet(
                () -> "fleetcare-gateway-" + UUID.randomUUID().toString().substring(0, 8)) + "-commands";
    }

    void start(@Observes StartupEvent startup) throws MqttException {
        if (!commandSettings.mqttEnabled()) {
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-commands");
            thread.setDaemon(true);
            return thread;
        });
        client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
        client.setCallback(this);
        connect();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (retries != null) {
            retries.shutdownNow();
        }
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(3_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debugf("MQTT client %s did not close cleanly: %s", clientId, e.toString());
        }
    }

    /** True while connected and subscribed to the replies. */
    public boolean isSubscribed() {
        return subscribed && client != null && client.isConnected();
    }

    @Override
    public CompletionStage<Void> send(String deviceId, String commandId, byte[] body) {
        CompletableFuture<Void> taken = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(body);
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic("devices/" + deviceId + "/commands/result");
        properties.setCorrelationData(commandId.getBytes(StandardCharsets.UTF_8));
        message.setProperties(properties);
        try {
            client.publish("devices/" + deviceId + "/commands", message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    taken.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    taken.completeExceptionally(failure);
                }
            });
        } catch (MqttException | RuntimeException e) {
            taken.completeExceptionally(e);
        }
        return taken;
    }

    @Override
    public void onReply(Replies receiver) {
        this.receiver = receiver;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String[] levels = topic.split("/");
        if (levels.length != 4 || !"devices".equals(levels[0]) || levels[1].isEmpty()) {
            return;
        }
        byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
        String commandId = correlation == null ? null : new String(correlation, StandardCharsets.UTF_8);
        try {
            receiver.replied(levels[1], commandId, message.getPayload());
        } catch (RuntimeException e) {
            LOG.warnf(e, "device %s: reply to command %s not handled", levels[1], commandId);
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(REPLY_FILTER, 1)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            subscribed = codes != null && codes.length == 1 && codes[0] >= 0 && codes[0] < 0x80;
                            if (!subscribed) {
                                LOG.errorf("MQTT client %s: broker refused %s", clientId, REPLY_FILTER);
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            LOG.errorf("MQTT client %s could not subscribe to %s: %s", clientId, REPLY_FILTER,
                                    String.valueOf(failure));
                        }
                    }, new MqttProperties());
        } catch (MqttException e) {
            LOG.errorf("MQTT client %s could not subscribe to %s: %s", clientId, REPLY_FILTER, e.toString());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed = false;
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warnf("MQTT client %s: %s", clientId, exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // send() completes through its own listener
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    private void connect() {
        if (stopping) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(password -> options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retry(failure);
                }
            });
        } catch (MqttException e) {
            retry(e);
        }
    }

    private void retry(Throwable failure) {
        if (stopping) {
            return;
        }
        LOG.warnf("MQTT client %s cannot connect to %s, retrying in 5s: %s", clientId, settings.serverUri(),
                String.valueOf(failure));
        retries.schedule(this::connect, 5, TimeUnit.SECONDS);
    }
}
