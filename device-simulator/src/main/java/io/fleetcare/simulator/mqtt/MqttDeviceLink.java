package io.fleetcare.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated device's MQTT 5 connection, logged in as the device (username = client id = device id, which the
 * brokers enforce; password = its secret) and publishing under {@code devices/{deviceId}/…} with QoS 1.
 *
 * <p>With a {@link CommandReceiver} it also obeys the platform: it subscribes (QoS 1, clean start, so again
 * after every reconnect) to {@code devices/{deviceId}/commands}, hands each command's body to the receiver and publishes the
 * receiver's answer (QoS 1) on the command's MQTT 5 response topic with the command's correlation data. A command
 * without a response topic is handled but not answered.
 */
public final class MqttDeviceLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceLink.class);

    /** What a device does with a command from the platform. */
    @FunctionalInterface
    public interface CommandReceiver {

        /**
         * @param command the body the platform published (the command JSON); never null
         * @return the answer; never null
         */
        Answer answer(byte[] command);
    }

    /**
     * A device's answer to a command.
     *
     * @param body       the reply's body (a JSON object); never null
     * @param afterwards what the device does once the broker took the reply (e.g. reboot); may be null
     */
    public record Answer(byte[] body, Runnable afterwards) {
    }

    private final String deviceId;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final CommandReceiver commands;
    private final Executor handling;
    private volatile boolean closed;

    private MqttDeviceLink(String deviceId, MqttAsyncClient client, MqttConnectionOptions options,
                           CommandReceiver commands, Executor handling) {
        this.deviceId = deviceId;
        this.client = client;
        this.options = options;
        this.commands = commands;
        this.handling = handling;
    }

    /**
     * Connects and waits for the broker's answer; the device sends only, it takes no commands.
     *
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    public static MqttDeviceLink connect(String serverUri, String deviceId, String secret) throws MqttException {
        return connect(serverUri, deviceId, secret, null, Runnable::run);
    }

    /**
     * Connects, waits for the broker's answer and takes commands.
     *
     * @param commands answers the platform's commands; null to take none
     * @param handling runs {@code commands} (the answer is published from there), so that a slow receiver never
     *                 holds up the MQTT client's own thread; never null
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    public static MqttDeviceLink connect(String serverUri, String deviceId, String secret, CommandReceiver commands,
                                         Executor handling) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        MqttDeviceLink link = new MqttDeviceLink(deviceId, client, options, commands, handling);
        if (commands != null) {
            client.setCallback(link.new Callback());
        }
        try {
            client.connect(options).waitForCompletion(15_000);
            if (commands != null) {
                link.subscribe();
            }
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return link;
    }

    private String commandTopic() {
        return "devices/" + deviceId + "/commands";
    }

    /** Publishes to {@code devices/{deviceId}/{channel}} with QoS 1 without waiting for the ack. */
    public IMqttToken publish(String channel, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        return client.publish("devices/" + deviceId + "/" + channel, message);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Drops the connection as a device that powers off does, and connects again after {@code down} (subscribing
     * to the commands again). Blocks for at most a few seconds while the broker takes the disconnect.
     *
     * @param afterwards runs once connected again; a failed attempt is logged at WARN and tried again after
     *                   {@code down} (at least 1 s) until the link is closed
     */
    public void restart(Duration down, ScheduledExecutorService scheduler, Runnable afterwards) {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("device {} did not disconnect cleanly: {}", deviceId, e.toString());
        }
        scheduler.schedule(() -> comeBack(down, scheduler, afterwards), down.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void comeBack(Duration retryAfter, ScheduledExecutorService scheduler, Runnable afterwards) {
        if (closed) {
            return;
        }
        try {
            if (!client.isConnected()) {
                client.connect(options).waitForCompletion(15_000);
            }
            if (commands != null) {
                subscribe();
            }
            afterwards.run();
        } catch (MqttException e) {
            LOG.warn("device {} could not connect again after its restart: {}", deviceId, e.toString());
            scheduler.schedule(() -> comeBack(retryAfter, scheduler, afterwards),
                    Math.max(1_000, retryAfter.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the broker may be gone already; nothing more to release
        }
    }

    /** Subscribes to the device's commands and waits for the broker's answer. */
    private void subscribe() throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(commandTopic(), 1)});
        token.waitForCompletion(15_000);
        int[] codes = token.getReasonCodes();
        if (codes == null || codes.length != 1 || codes[0] >= 0x80) {
            throw new MqttException(codes == null || codes.length == 0 ? MqttException.REASON_CODE_CLIENT_EXCEPTION
                    : codes[0]);
        }
    }

    private void handle(MqttMessage command) {
        MqttProperties properties = command.getProperties();
        String responseTopic = properties == null ? null : properties.getResponseTopic();
        Answer answer = commands.answer(command.getPayload());
        if (responseTopic == null || responseTopic.isEmpty()) {
            LOG.warn("device {} got a command without a response topic; not answered", deviceId);
        } else {
            reply(responseTopic, properties.getCorrelationData(), answer.body());
        }
        if (answer.afterwards() != null) {
            answer.afterwards().run();
        }
    }

    private void reply(String responseTopic, byte[] correlationData, byte[] body) {
        MqttMessage reply = new MqttMessage(body);
        reply.setQos(1);
        MqttProperties replyProperties = new MqttProperties();
        replyProperties.setCorrelationData(correlationData);
        replyProperties.setContentType("application/json");
        reply.setProperties(replyProperties);
        try {
            client.publish(responseTopic, reply).waitForCompletion(10_000);
        } catch (MqttException e) {
            LOG.warn("device {} could not answer a command on {}: {}", deviceId, responseTopic, e.toString());
        }
    }

    /** Paho's callback: subscribes again after an automatic reconnect, takes commands off the client's thread. */
    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                handling.execute(() -> {
                    try {
                        subscribe();
                    } catch (MqttException e) {
                        LOG.warn("device {} could not subscribe to its commands again: {}", deviceId, e.toString());
                    }
                });
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(commandTopic())) {
                handling.execute(() -> {
                    try {
                        handle(message);
                    } catch (RuntimeException e) {
                        LOG.warn("device {} could not handle a command", deviceId, e);
                    }
                });
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // automatic reconnect; connectComplete subscribes again
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("device {}: {}", deviceId, exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // QoS 1 publishes are fire and forget for the device
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
