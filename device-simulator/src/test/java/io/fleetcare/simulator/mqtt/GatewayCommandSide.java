package io.fleetcare.simulator.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * The platform's side of the set-top box command contract, done the way the gateway's {@code MqttCommandLink}
 * does it: the service account publishes the command JSON (the gateway's {@code DeviceCommand} fields) with QoS 1
 * on {@code devices/{id}/commands}, response topic {@code devices/{id}/commands/result} and correlation data =
 * command id, and takes replies from {@code devices/+/commands/result}, matched by correlation data. Also
 * records what the devices publish on {@code devices/+/telemetry} and {@code devices/+/events}.
 */
public final class GatewayCommandSide implements AutoCloseable, MqttCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message a device published. */
    public record Published(String deviceId, String channel, JsonNode body, Instant at) {
    }

    /** A device's reply: the topic it came on, its correlation data and its body. */
    public record Reply(String topic, String correlation, JsonNode body) {
    }

    private final MqttAsyncClient client;
    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<Reply> unmatched = new CopyOnWriteArrayList<>();

    private GatewayCommandSide(MqttAsyncClient client) {
        this.client = client;
    }

    public static GatewayCommandSide connect(String serverUri, String user, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, "test-gateway-" + UUID.randomUUID(),
                new MemoryPersistence());
        GatewayCommandSide side = new GatewayCommandSide(client);
        client.setCallback(side);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(15_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription("devices/+/commands/result", 1),
                new MqttSubscription("devices/+/telemetry", 1), new MqttSubscription("devices/+/events", 1)})
                .waitForCompletion(15_000);
        return side;
    }

    /**
     * Publishes a command to a device.
     *
     * @return the device's reply; fails after 20 s without one
     */
    public CompletableFuture<Reply> send(String deviceId, String command, ObjectNode params) throws MqttException {
        String commandId = UUID.randomUUID().toString();
        ObjectNode body = JSON.createObjectNode()
                .put("commandId", commandId)
                .put("deviceId", deviceId)
                .put("command", command)
                .put("requestedBy", "engineer")
                .put("requestedAt", Instant.now().toString())
                .put("timeoutSeconds", 30);
        body.set("params", params);
        MqttMessage message = new MqttMessage(body.toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic("devices/" + deviceId + "/commands/result");
        properties.setCorrelationData(commandId.getBytes(StandardCharsets.UTF_8));
        message.setProperties(properties);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.put(commandId, reply);
        client.publish("devices/" + deviceId + "/commands", message).waitForCompletion(10_000);
        return reply.orTimeout(20, TimeUnit.SECONDS);
    }

    /** What devices published on telemetry ({@code channel} "telemetry") and events ("events"), in arrival order. */
    public List<Published> published(String deviceId, String channel) {
        return published.stream().filter(p -> p.deviceId().equals(deviceId) && p.channel().equals(channel)).toList();
    }

    /** Replies whose correlation data matched no command. */
    public List<Reply> unmatched() {
        return List.copyOf(unmatched);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        String[] levels = topic.split("/");
        JsonNode body = JSON.readTree(message.getPayload());
        if (levels.length == 4 && levels[2].equals("commands") && levels[3].equals("result")) {
            byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
            String id = correlation == null ? null : new String(correlation, StandardCharsets.UTF_8);
            Reply reply = new Reply(topic, id, body);
            CompletableFuture<Reply> waiter = id == null ? null : waiting.remove(id);
            if (waiter == null) {
                unmatched.add(reply);
            } else {
                waiter.complete(reply);
            }
        } else if (levels.length == 3) {
            published.add(new Published(levels[1], levels[2], body, Instant.now()));
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close(true);
    }
}
